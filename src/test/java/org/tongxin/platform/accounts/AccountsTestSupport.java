package org.tongxin.platform.accounts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * What the tests of sign-in, passwords and account administration start from: the accounts facade and the
 * encoder of their passwords, to make {@link TestAccounts} and check a password, and MockMvc to sign in
 * through. The test classes carry their own context annotation (some run outside demo mode).
 */
public abstract class AccountsTestSupport {

	@Autowired
	protected MockMvcTester mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected Accounts accounts;

	@Autowired
	protected PasswordEncoder encoder;

	protected TestAccounts testAccounts() {
		return new TestAccounts(accounts, encoder);
	}

	/** A fresh STAFF account of 成都 that need not change its {@code password}; returns its user name. */
	protected String newStaffAccount(String prefix, String password) {
		String username = TestAccounts.uniqueName(prefix);
		testAccounts().create(username, password, 510100, false, Roles.STAFF);
		return username;
	}

	/** Changes the signed-in account's password on its own page, confirmation and all. */
	protected MvcTestResult changePassword(MockHttpSession session, String current, String next) {
		return mvc.post()
			.uri("/account/password")
			.session(session)
			.with(csrf())
			.param("currentPassword", current)
			.param("newPassword", next)
			.param("confirmPassword", next)
			.exchange();
	}

	/** Whether {@code password} is the account's password now. */
	protected boolean hasPassword(String username, String password) {
		return encoder.matches(password, accounts.findByUsername(username).orElseThrow().passwordHash());
	}
}
