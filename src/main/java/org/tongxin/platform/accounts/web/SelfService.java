package org.tongxin.platform.accounts.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.AuditLog.Action;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.accounts.Account;
import org.tongxin.platform.accounts.Accounts;
import org.tongxin.platform.security.AccountSessions;
import org.tongxin.platform.security.ApiTokens;
import org.tongxin.platform.security.SecuritySettings;
import org.tongxin.platform.security.Totp;

/**
 * What a signed-in user changes on their own account. Each change and its audit entry share one
 * transaction; secrets (passwords, token secrets, TOTP keys) never reach the audit detail.
 */
@Service
@Transactional
class SelfService {

	static final String ACCOUNT = "account";

	static final String API_TOKEN = "api-token";

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final SecuritySettings settings;

	private final AccountSessions sessions;

	SelfService(Accounts accounts, ApiTokens tokens, PasswordEncoder encoder, AuditLog audit,
			SecuritySettings settings, AccountSessions sessions) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.tokens = tokens;
		this.encoder = encoder;
		this.audit = audit;
		this.settings = settings;
	}

	/**
	 * @param required whether the change was a pending login step rather than the user's own choice
	 * @param session the session that made the change: it stays signed in, every other session ends
	 */
	void changePassword(Account account, String newPassword, boolean required, String session) {
		accounts.changePassword(account.id(), encoder.encode(newPassword), false);
		audit.record(Action.PASSWORD_CHANGE, ACCOUNT, account.id(), Map.of("required", required), null);
		sessions.end(account.username(), session);
		AccountAdministration.revokeTokens(tokens, audit, account, "password-change");
	}

	ApiTokens.Issued issueToken(Account account, String name, @Nullable Instant expiresAt) {
		ApiTokens.Issued issued = tokens.issue(account.id(), name, expiresAt);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("account", account.username());
		after.put("name", name);
		after.put("prefix", issued.prefix());
		after.put("expiresAt", expiresAt);
		audit.created(API_TOKEN, issued.id(), after);
		return issued;
	}

	/** @return whether an active token of this account was revoked */
	boolean revokeToken(Account account, long tokenId) {
		var token = tokens.ofAccount(account.id()).stream().filter(t -> t.id() == tokenId).findFirst();
		if (token.isEmpty() || !tokens.revoke(account.id(), tokenId)) {
			return false;
		}
		audit.deleted(API_TOKEN, tokenId,
				Map.of("account", account.username(), "name", token.get().name(), "prefix", token.get().prefix()));
		return true;
	}

	/**
	 * The key the user enrols in the authenticator app. Kept until enrolment succeeds, so reloading
	 * the page does not invalidate a QR code already scanned.
	 */
	String enrolmentSecret(Account account) {
		if (account.totpSecret() != null) {
			return account.totpSecret();
		}
		String secret = Totp.newSecret();
		accounts.storeTotpSecret(account.id(), secret);
		return secret;
	}

	/** A correct code: enrols the second factor the first time and restarts the failure count. */
	void secondFactorPassed(Account account) {
		if (!account.totpEnabled()) {
			accounts.enableTotp(account.id());
			audit.record(Action.MFA_ENROLLED, ACCOUNT, account.id(), null, null);
		}
		accounts.clearFailures(account.id());
	}

	/**
	 * A wrong code counts toward the same lockout as a wrong password, so the six digits cannot be
	 * guessed faster than a password.
	 *
	 * @return whether this failure locked the account
	 */
	boolean secondFactorFailed(Account account) {
		audit.record(Action.MFA_FAILED, ACCOUNT, account.id(), null, null);
		boolean locked = accounts.recordFailure(account.username(), settings.lockoutAttempts(),
				settings.lockoutDuration());
		if (locked) {
			sessions.end(account.username(), null);
			audit.record(Action.LOCKED, ACCOUNT, account.id(), Map.of("minutes", settings.lockoutDuration().toMinutes()),
					null);
		}
		return locked;
	}
}
