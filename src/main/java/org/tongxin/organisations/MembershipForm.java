package org.tongxin.organisations;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** Adds a person to an organisation (UI and API). The person must lie in the caller's scope. */
public record MembershipForm(
		@NotNull(message = "{member.person.required}") @Nullable Long person,
		@NotNull(message = "{member.role.required}") @Nullable MemberRole role,
		@Nullable LocalDate termStart,
		@Nullable LocalDate termEnd,
		@Nullable MembershipStatus status,
		@Nullable JoinedVia joinedVia) {

	/** A new membership starting today, the application's (the clock's) date. */
	public static MembershipForm empty(LocalDate today) {
		return new MembershipForm(null, MemberRole.MEMBER, today, null, MembershipStatus.ACTIVE,
				JoinedVia.APPLICATION);
	}
}
