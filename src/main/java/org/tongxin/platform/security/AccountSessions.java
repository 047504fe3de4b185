package org.tongxin.platform.security;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends the live sessions of an account when what they were granted no longer holds: the account was
 * disabled or locked, its password was reset or changed, or its roles changed. The sessions are marked
 * expired in Spring Security's session registry; the next request of such a session is refused (sign-in
 * page, or 401 for the API) by the {@code ConcurrentSessionFilter}.
 *
 * <p>The registry lives in this process: Tongxin runs on one node. With a second node, Spring Session JDBC's
 * indexed repository takes its place (see the commit that introduced this class).
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
		int live = 0;
		for (Object principal : registry.getAllPrincipals()) {
			if (principal instanceof AccountPrincipal account && account.getUsername().equals(username)) {
				live += registry.getAllSessions(principal, false).size();
			}
		}
		return live;
	}

	private void endNow(String username, @Nullable String keep) {
		for (Object principal : registry.getAllPrincipals()) {
			if (principal instanceof AccountPrincipal account && account.getUsername().equals(username)) {
				for (SessionInformation session : registry.getAllSessions(principal, false)) {
					if (!Objects.equals(session.getSessionId(), keep)) {
						session.expireNow();
					}
				}
			}
		}
	}
}
