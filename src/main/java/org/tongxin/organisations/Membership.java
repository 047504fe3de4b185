package org.tongxin.organisations;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.tongxin.people.PersonId;

/** A person's membership of an organisation in one role and term. */
public record Membership(MembershipId id, OrganisationId organisation, PersonId person, MemberRole role, int termNo,
		@Nullable LocalDate termStart, @Nullable LocalDate termEnd, MembershipStatus status, JoinedVia joinedVia,
		int version) {

	/** Holds on {@code today} (the application's date, from its clock): active and its term not ended. */
	public boolean current(LocalDate today) {
		return status == MembershipStatus.ACTIVE && (termEnd == null || !termEnd.isBefore(today));
	}
}
