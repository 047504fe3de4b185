package org.tongxin.platform.accounts;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Role codes as stored in platform_role; what each may do lives in platform_role_permission. */
public final class Roles {

	public static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";
	public static final String SECURITY_ADMIN = "SECURITY_ADMIN";
	public static final String AUDIT_ADMIN = "AUDIT_ADMIN";
	public static final String CENTRAL_OFFICE = "CENTRAL_OFFICE";
	public static final String STAFF = "STAFF";
	public static final String REVIEWER = "REVIEWER";

	public static final Set<String> ADMINISTRATORS = Set.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

	public static final List<String> ALL = List.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN, CENTRAL_OFFICE, STAFF,
			REVIEWER);

	private Roles() {
	}

	/**
	 * 三员分立: an account holds at most one of the three administrator roles, and an administrator role
	 * never comes together with a role that works on programme or people data.
	 *
	 * @return the message key of the rule the combination breaks; empty when it is allowed
	 */
	public static Optional<String> separationViolation(Set<String> roles) {
		long administrators = roles.stream().filter(ADMINISTRATORS::contains).count();
		if (administrators > 1) {
			return Optional.of("role.separation.administrators");
		}
		if (administrators == 1 && roles.size() > 1) {
			return Optional.of("role.separation.mixed");
		}
		return Optional.empty();
	}
}
