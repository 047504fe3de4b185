package org.tongxin.platform.accounts.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.accounts.RoleCatalogue;
import org.tongxin.platform.security.AccountSessions;

/**
 * The security administrator's changes to custom roles, each audited in the same transaction. A change to
 * a role in use ends the sessions of the accounts holding it: they sign in again with what the role now allows.
 */
@Service
@Transactional
class RoleAdministration {

	static final String ROLE = "role";

	private final RoleCatalogue roles;

	private final AuditLog audit;

	private final AccountSessions sessions;

	RoleAdministration(RoleCatalogue roles, AuditLog audit, AccountSessions sessions) {
		this.roles = roles;
		this.audit = audit;
		this.sessions = sessions;
	}

	String create(String nameZh, String nameEn, Set<String> permissions) {
		String code = roles.create(nameZh, nameEn, permissions);
		audit.created(ROLE, code, snapshot(nameZh, nameEn, permissions));
		return code;
	}

	void update(RoleCatalogue.Role before, String nameZh, String nameEn, Set<String> permissions) {
		if (!roles.update(before.code(), nameZh, nameEn, permissions)) {
			throw new IllegalStateException("role " + before.code() + " is built in");
		}
		audit.updated(ROLE, before.code(), snapshot(before.nameZh(), before.nameEn(), before.permissions()),
				snapshot(nameZh, nameEn, permissions));
		if (!permissions.equals(before.permissions())) {
			roles.holders(before.code()).forEach(username -> sessions.end(username, null));
		}
	}

	/** @return false when the role is built in or held by an account */
	boolean delete(RoleCatalogue.Role role) {
		if (!roles.delete(role.code())) {
			return false;
		}
		audit.deleted(ROLE, role.code(), snapshot(role.nameZh(), role.nameEn(), role.permissions()));
		return true;
	}

	private static Map<String, Object> snapshot(String nameZh, String nameEn, Set<String> permissions) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("nameZh", nameZh);
		snapshot.put("nameEn", nameEn);
		snapshot.put("permissions", permissions);
		return snapshot;
	}
}
