package org.tongxin.platform.accounts.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.AuditLog.Action;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.Unit;
import org.tongxin.platform.accounts.Account;
import org.tongxin.platform.accounts.Accounts;
import org.tongxin.platform.accounts.OneTimePasswords;
import org.tongxin.platform.security.AccountSessions;
import org.tongxin.platform.security.ApiTokens;
import org.tongxin.platform.security.PasswordPolicy;

/**
 * The security administrator's changes to accounts, each written to the audit log with the state
 * before and after in the same transaction. The audit detail never holds a password hash or a TOTP key.
 */
@Service
@Transactional
class AccountAdministration {

	private final Accounts accounts;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final AuditLog audit;

	private final AccountSessions sessions;

	private final ApiTokens tokens;

	AccountAdministration(Accounts accounts, PasswordEncoder encoder, PasswordPolicy policy, AuditLog audit,
			AccountSessions sessions, ApiTokens tokens) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.policy = policy;
		this.audit = audit;
		this.sessions = sessions;
		this.tokens = tokens;
	}

	/** What the audit log keeps of an account. */
	record Snapshot(String username, String displayName, long unitId, String unitName, Set<String> roles,
			boolean enabled) {

		static Snapshot of(Account account) {
			return new Snapshot(account.username(), account.displayName(), account.unitId().value(),
					account.unitName(), account.roles(), account.enabled());
		}
	}

	/** Creates the account with the administrator's initial password, to be changed at the first sign-in. */
	long create(String username, String displayName, Unit unit, String initialPassword, Set<String> roles) {
		long id = accounts.create(username, displayName, unit.id(), encoder.encode(initialPassword), true, roles);
		audit.created(SelfService.ACCOUNT, id,
				new Snapshot(username, displayName, unit.id().value(), unit.name(), roles, true));
		return id;
	}

	void update(Account before, String displayName, Unit unit, boolean enabled, Set<String> roles) {
		accounts.update(before.id(), displayName, unit.id(), enabled, roles);
		audit.updated(SelfService.ACCOUNT, before.id(), Snapshot.of(before),
				new Snapshot(before.username(), displayName, unit.id().value(), unit.name(), roles, enabled));
		// A session carries the roles and the unit (data scope) of its sign-in: when they change, or the
		// account is disabled, its sessions end and it signs in again with what it has now.
		if (!enabled || !roles.equals(before.roles()) || !unit.id().equals(before.unitId())) {
			sessions.end(before.username(), null);
		}
		if (before.enabled() && !enabled) {
			revokeTokens(tokens, audit, before, "disabled");
		}
	}

	/** Every active API token of the account stops working; the audit entry says how many and why. */
	static void revokeTokens(ApiTokens tokens, AuditLog audit, Account account, String cause) {
		int revoked = tokens.revokeAll(account.id());
		if (revoked > 0) {
			audit.record(Action.UPDATE, SelfService.API_TOKEN, null,
					Map.of("operation", "revoke-all", "account", account.username(), "cause", cause, "revoked", revoked),
					null);
		}
	}

	void unlock(Account account) {
		accounts.unlock(account.id());
		Map<String, @Nullable Object> lockBefore = new LinkedHashMap<>();
		lockBefore.put("failedAttempts", account.failedAttempts());
		lockBefore.put("lockedUntil", account.lockedUntil());
		Map<String, @Nullable Object> lockAfter = new LinkedHashMap<>();
		lockAfter.put("failedAttempts", 0);
		lockAfter.put("lockedUntil", null);
		audit.record(Action.UPDATE, SelfService.ACCOUNT, account.id(),
				Map.of("operation", "unlock", "before", lockBefore, "after", lockAfter), null);
	}

	/**
	 * For an administrator who lost the phone with the authenticator: the enrolled key is forgotten and the
	 * next sign-in, after the password, enrols a new one. The key itself never reaches the audit log.
	 */
	void resetSecondFactor(Account account) {
		accounts.resetTotp(account.id());
		audit.record(Action.UPDATE, SelfService.ACCOUNT, account.id(),
				Map.of("operation", "reset-second-factor", "before", Map.of("totpEnabled", account.totpEnabled()),
						"after", Map.of("totpEnabled", false)),
				null);
	}

	/**
	 * Replaces the password with a random one-time password that the administrator hands over; the
	 * account must change it at the next sign-in.
	 *
	 * @return the one-time password, to be shown once and never stored in clear
	 */
	String resetPassword(Account account) {
		String password;
		do {
			password = OneTimePasswords.generate();
		}
		while (!policy.violations(account.username(), password).isEmpty());
		accounts.changePassword(account.id(), encoder.encode(password), true);
		audit.record(Action.PASSWORD_CHANGE, SelfService.ACCOUNT, account.id(),
				Map.of("operation", "reset", "before", Map.of("mustChangePassword", account.mustChangePassword()),
						"after", Map.of("mustChangePassword", true)),
				null);
		sessions.end(account.username(), null);
		revokeTokens(tokens, audit, account, "password-reset");
		return password;
	}
}
