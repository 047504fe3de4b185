package org.tongxin.platform;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Signs accounts in on the test's own thread, for tests that call facades directly, and signs them out after
 * each test, so that no account outlives the test that signed it in. Registered with {@code @RegisterExtension}
 * in a Spring test: it takes the accounts from the test's application context.
 */
public final class ThreadSignIn implements BeforeEachCallback, AfterEachCallback {

	private UserDetailsService accounts;

	@Override
	public void beforeEach(ExtensionContext context) {
		accounts = SpringExtension.getApplicationContext(context).getBean(UserDetailsService.class);
	}

	/** Signs {@code username} in on this thread, until the test ends or another account is signed in. */
	public void as(String username) {
		SignIn.onThisThread(accounts, username);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		SecurityContextHolder.clearContext();
	}
}
