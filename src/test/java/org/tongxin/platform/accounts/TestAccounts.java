package org.tongxin.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.UnitId;

/**
 * Accounts of the tests' own: tests share one database, so anything that locks, resets or changes an
 * account works on a fresh one instead of a demo account other tests sign in with.
 */
public final class TestAccounts {

	public static final String DEMO_PASSWORD = "Tongxin@2018";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final Accounts accounts;

	private final PasswordEncoder encoder;

	public TestAccounts(Accounts accounts, PasswordEncoder encoder) {
		this.accounts = accounts;
		this.encoder = encoder;
	}

	/** A user name no other test uses. */
	public static String uniqueName(String prefix) {
		return prefix + "." + SEQUENCE.incrementAndGet();
	}

	public Account create(String username, String password, long unit, boolean mustChangePassword, String... roles) {
		long id = accounts.create(username, "测试 " + username, new UnitId(unit), encoder.encode(password),
				mustChangePassword, Set.of(roles));
		return accounts.findById(id).orElseThrow();
	}

	/** Signs in through the login form and returns the session to send with later requests. */
	public static MockHttpSession signIn(MockMvcTester mvc, String username, String password) {
		MvcTestResult result = mvc.perform(formLogin("/login").user(username).password(password));
		assertThat(result).hasStatus3xxRedirection();
		assertThat(result.getResponse().getRedirectedUrl()).doesNotStartWith("/login?");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/** Signs in and checks where the sign-in sends the user first. */
	public static MockHttpSession signIn(MockMvcTester mvc, String username, String password, String expectedTarget) {
		MvcTestResult result = mvc.perform(formLogin("/login").user(username).password(password));
		assertThat(result).hasRedirectedUrl(expectedTarget);
		return (MockHttpSession) result.getRequest().getSession(false);
	}
}
