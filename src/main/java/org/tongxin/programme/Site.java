package org.tongxin.programme;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.UnitId;

/**
 * A demonstration site. It is a SITE unit of the hierarchy ({@code unit}) inside a city or district
 * ({@code parent}), so data scope reaches it like any other unit.
 */
public record Site(SiteId id, UnitId unit, UnitId parent, String parentName, String name, SiteKind kind,
		@Nullable String address, @Nullable LocalDate openedOn, @Nullable String responsibleUnit,
		@Nullable String description, @Nullable LocalDate closedOn, int version) {

	public boolean open() {
		return closedOn == null;
	}
}
