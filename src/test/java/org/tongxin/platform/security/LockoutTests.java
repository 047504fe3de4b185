package org.tongxin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.junit.jupiter.api.Test;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.accounts.AccountsTestSupport;
import org.tongxin.platform.accounts.TestAccounts;

@PlatformTest
class LockoutTests extends AccountsTestSupport {

	static final String PASSWORD = "Lock#Test2026";

	@Test
	void fiveWrongPasswordsLockTheAccountUntilTheLockExpires() {
		String username = newStaffAccount("lockout", PASSWORD);

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
		String username = newStaffAccount("nolock", PASSWORD);

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
