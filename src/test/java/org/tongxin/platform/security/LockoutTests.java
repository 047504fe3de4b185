package org.tongxin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.accounts.Accounts;
import org.tongxin.platform.accounts.Roles;
import org.tongxin.platform.accounts.TestAccounts;

@PlatformTest
class LockoutTests {

	static final String PASSWORD = "Lock#Test2026";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void fiveWrongPasswordsLockTheAccountUntilTheLockExpires() {
		String username = TestAccounts.uniqueName("lockout");
		new TestAccounts(accounts, encoder).create(username, PASSWORD, 510100, false, Roles.STAFF);

		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(mvc.perform(formLogin("/login").user(username).password("Wrong#Pass" + attempt)))
				.hasRedirectedUrl("/login?error");
		}
		// The right password no longer helps while the lock lasts, and the answer is the one an unknown user
		// name gets: the sign-in page does not tell which accounts exist.
		assertThat(mvc.perform(formLogin("/login").user(username).password(PASSWORD))).hasRedirectedUrl("/login?error");
		assertThat(mvc.perform(formLogin("/login").user(TestAccounts.uniqueName("unknown")).password(PASSWORD)))
			.hasRedirectedUrl("/login?error");
		assertThat(auditCount(username, "LOCKED")).isEqualTo(1);

		jdbc.sql("update platform_account set locked_until = now() - interval '1 second' where username = ?")
			.param(username)
			.update();
		assertThat(mvc.perform(formLogin("/login").user(username).password(PASSWORD))).hasRedirectedUrl("/");
	}

	@Test
	void fourWrongPasswordsDoNotLock() {
		String username = TestAccounts.uniqueName("nolock");
		new TestAccounts(accounts, encoder).create(username, PASSWORD, 510100, false, Roles.STAFF);

		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(mvc.perform(formLogin("/login").user(username).password("Wrong#Pass" + attempt)))
				.hasRedirectedUrl("/login?error");
		}
		assertThat(mvc.perform(formLogin("/login").user(username).password(PASSWORD))).hasRedirectedUrl("/");
	}

	private long auditCount(String username, String action) {
		return jdbc.sql("select count(*) from platform_audit_log where actor = ? and action = ?")
			.params(username, action)
			.query(Long.class)
			.single();
	}
}
