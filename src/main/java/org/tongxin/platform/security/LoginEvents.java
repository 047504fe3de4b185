package org.tongxin.platform.security;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.tongxin.platform.AuditLog.Action;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.accounts.Accounts;

/** Counts failed sign-ins toward the lockout and writes every sign-in, failure and sign-out to the audit log. */
@Component
class LoginEvents {

	private final Accounts accounts;

	private final AuditLog audit;

	private final SecuritySettings settings;

	private final AccountSessions sessions;

	private final LoginThrottle throttle;

	LoginEvents(Accounts accounts, AuditLog audit, SecuritySettings settings, AccountSessions sessions,
			LoginThrottle throttle) {
		this.throttle = throttle;
		this.accounts = accounts;
		this.audit = audit;
		this.settings = settings;
		this.sessions = sessions;
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
			accounts.recordSuccess(principal.actor().accountId());
			audit.append(principal.getUsername(), principal.actor().unit(), Action.LOGIN, "account",
					principal.actor().accountId(), null, null);
		}
	}

	@EventListener
	void badCredentials(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName();
		throttle(event.getAuthentication());
		boolean locked = accounts.recordFailure(username, settings.lockoutAttempts(), settings.lockoutDuration());
		audit.append(username, null, Action.LOGIN_FAILED, "account", username, Map.of("cause", "bad-credentials"), null);
		if (locked) {
			sessions.end(username, null);
			audit.append(username, null, Action.LOCKED, "account", username,
					Map.of("minutes", settings.lockoutDuration().toMinutes()), null);
		}
	}

	@EventListener
	void whileLocked(AuthenticationFailureLockedEvent event) {
		String username = event.getAuthentication().getName();
		throttle(event.getAuthentication());
		audit.append(username, null, Action.LOGIN_FAILED, "account", username, Map.of("cause", "locked"), null);
	}

	/** Every failure counts against the client address, whether or not the user name exists. */
	private void throttle(Authentication attempt) {
		if (attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
			throttle.failed(details.getRemoteAddress());
		}
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
			audit.append(principal.getUsername(), principal.actor().unit(), Action.LOGOUT, "account",
					principal.actor().accountId(), null, null);
		}
	}
}
