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

	public static MembershipForm empty() {
		return new MembershipForm(null, MemberRole.MEMBER, LocalDate.now(), null, MembershipStatus.ACTIVE,
				JoinedVia.APPLICATION);
	}
}
