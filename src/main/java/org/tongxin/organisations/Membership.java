package org.tongxin.organisations;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.tongxin.people.PersonId;

/** A person's membership of an organisation in one role and term. */
public record Membership(MembershipId id, OrganisationId organisation, PersonId person, MemberRole role, int termNo,
		@Nullable LocalDate termStart, @Nullable LocalDate termEnd, MembershipStatus status, JoinedVia joinedVia,
		int version) {

	/** Holds now: active and its term not ended. */
	public boolean current() {
		return status == MembershipStatus.ACTIVE && (termEnd == null || !termEnd.isBefore(LocalDate.now()));
	}
}
