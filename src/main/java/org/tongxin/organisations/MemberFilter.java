package org.tongxin.organisations;

import org.jspecify.annotations.Nullable;

/** Filter of a member list: role, status, term number, and whether only open positions/memberships count. */
public record MemberFilter(@Nullable MemberRole role, @Nullable MembershipStatus status, @Nullable Integer term,
		boolean openOnly, @Nullable String person) {

	public MemberFilter(@Nullable MemberRole role, @Nullable MembershipStatus status, @Nullable Integer term,
			boolean openOnly) {
		this(role, status, term, openOnly, null);
	}

	public static MemberFilter none() {
		return new MemberFilter(null, null, null, false);
	}
}
