package org.tongxin.programme;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.UnitId;

/** A city of the country with its rank; tier and year are set for the 49 programme cities. */
public record ProgrammeCity(UnitId unit, String code, String name, String provinceCode, String provinceName,
		CityRank rank, boolean provincialCapital, @Nullable Tier tier, @Nullable Integer year,
		@Nullable String baseName) {

	public boolean inProgramme() {
		return tier != null;
	}
}
