package org.tongxin.platform.accounts;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.UnitId;

/** An account: one person's sign-in, belonging to exactly one unit. */
public record Account(long id, String username, String displayName, UnitId unitId, String unitName, String unitPath,
		String passwordHash, Instant passwordChangedAt, boolean mustChangePassword, int failedAttempts,
		@Nullable Instant lockedUntil, @Nullable String totpSecret, boolean totpEnabled, @Nullable String locale,
		boolean enabled, @Nullable Instant lastLoginAt, Set<String> roles, Set<String> permissions,
		boolean holdsAdministratorPermission) {

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/**
	 * The three administrators (三员) whose second factor 等保2.0 requires: by role, or by a custom role that
	 * holds an administrator's permissions.
	 */
	public boolean isAdministrator() {
		return holdsAdministratorPermission || roles.stream().anyMatch(Roles.ADMINISTRATORS::contains);
	}
}
