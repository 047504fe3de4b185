package org.tongxin.activities;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.platform.UnitId;
import org.tongxin.projects.ProjectId;

/** A brand series (工作品牌) of an owning unit, carried by organisations and possibly by a key project. */
public record Series(SeriesId id, UnitId unit, String unitName, String name, @Nullable String description,
		@Nullable ProjectId project, List<OrganisationId> organisations, long events, int version) {
}
