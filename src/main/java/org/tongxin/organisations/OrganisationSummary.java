package org.tongxin.organisations;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.UnitId;

/** What other modules need to show and check an organisation: its name, kind and owning unit. */
public record OrganisationSummary(OrganisationId id, String name, String kind, UnitId unit,
		@Nullable OrganisationId parent) {
}
