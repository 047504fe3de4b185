package org.tongxin.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends the live sessions of an account when what they were granted no longer holds: the account was
 * disabled or locked, its password was reset or changed, or its roles changed. The sessions are marked
 * expired in Spring Security's session registry; the next request of such a session is refused (sign-in
 * page, or 401 for the API) by the {@code ConcurrentSessionFilter}.
 *
 * <p>The registry is the one of the session store ({@link SessionStoreConfiguration}): in this process for the
 * container's sessions, or Spring Session's, which finds the sessions of an account on every node by its name.
 */
@Component
public class AccountSessions {

	private final SessionRegistry registry;

	AccountSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Ends every session of the account except {@code keep} (the session that made the change itself, if
	 * any). Inside a transaction the sessions end once it commits, so a change that rolls back ends nothing.
	 */
	public void end(String username, @Nullable String keep) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					endNow(username, keep);
				}
			});
		}
		else {
			endNow(username, keep);
		}
	}

	/** How many sessions of the account are live: for the tests and the account screen. */
	public int live(String username) {
		return sessionsOf(username).size();
	}

	private void endNow(String username, @Nullable String keep) {
		for (SessionInformation session : sessionsOf(username)) {
			if (!Objects.equals(session.getSessionId(), keep)) {
				session.expireNow();
			}
		}
	}

	private List<SessionInformation> sessionsOf(String username) {
		if (registry instanceof SpringSessionBackedSessionRegistry<?>) {
			// Indexed by the principal's name in the database; it cannot list all principals.
			return registry.getAllSessions(username, false);
		}
		// The in-memory registry is keyed by the principal objects of the sessions.
		List<SessionInformation> sessions = new ArrayList<>();
		for (Object principal : registry.getAllPrincipals()) {
			if (principal instanceof AccountPrincipal account && account.getUsername().equals(username)) {
				sessions.addAll(registry.getAllSessions(principal, false));
			}
		}
		return sessions;
	}
}
