package org.tongxin.organisations;

import org.jspecify.annotations.Nullable;

/**
 * Filter of the organisation list: kind, a unit of the scope (with everything below it), a name fragment,
 * the party-organisation form, a parent organisation, dissolved ones or not.
 */
public record OrganisationFilter(@Nullable String kind, @Nullable Long unit, @Nullable String text,
		@Nullable PartyOrgForm partyOrgForm, @Nullable Long parent, boolean includeDissolved) {

	public static OrganisationFilter none() {
		return new OrganisationFilter(null, null, null, null, null, false);
	}
}
