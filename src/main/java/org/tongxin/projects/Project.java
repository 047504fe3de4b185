package org.tongxin.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.UnitId;
import org.tongxin.programme.SiteId;

/**
 * A key project (重点项目). Its owning unit — a city or a district — is what data scope restricts;
 * {@code place} and {@code cityName} are copied from the unit tree when it is saved, so lists need no
 * join into platform tables.
 */
public record Project(ProjectId id, BatchId batch, int batchNumber, UnitId unit, String place, UnitId city,
		String cityName, String title, @Nullable String carrier, Set<TargetGroup> targetGroups,
		@Nullable String innovationFocus, @Nullable String background, @Nullable String goals,
		@Nullable String measures, @Nullable String responsiblePersons, @Nullable String partnerUnits,
		@Nullable BigDecimal budget, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn, ProjectStatus status,
		List<SiteId> sites, int version) {
}
