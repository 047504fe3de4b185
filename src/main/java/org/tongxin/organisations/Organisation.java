package org.tongxin.organisations;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.UnitId;

/**
 * An organisation of the new social strata with its party-organisation coverage. {@code place} is the name
 * of the owning unit ("成都市 / 锦江区"); {@code parentName} the parent organisation's name, if any. The contact
 * phone is stored encrypted and leaves the module masked; {@link Organisations#revealContactPhone} shows it.
 */
public record Organisation(OrganisationId id, String name, String kind, UnitId unit, String place,
		@Nullable OrganisationId parent, @Nullable String parentName, @Nullable Long site, @Nullable LocalDate foundedOn,
		boolean registered, @Nullable String address, @Nullable String contactName, @Nullable String contactPhoneMasked,
		@Nullable String description, List<TargetGroup> targetGroups, PartyOrgForm partyOrgForm, int partyMembers,
		boolean partyInstructor, @Nullable LocalDate dissolvedOn, int currentTerm, long activeMembers, int version) {

	public boolean hasPartyOrg() {
		return partyOrgForm != PartyOrgForm.NONE;
	}

	public boolean dissolved() {
		return dissolvedOn != null;
	}

	public Organisation withPlace(String place) {
		return new Organisation(id, name, kind, unit, place, parent, parentName, site, foundedOn, registered, address,
				contactName, contactPhoneMasked, description, targetGroups, partyOrgForm, partyMembers, partyInstructor,
				dissolvedOn, currentTerm, activeMembers, version);
	}

	public OrganisationSummary summary() {
		return new OrganisationSummary(id, name, kind, unit, parent);
	}
}
