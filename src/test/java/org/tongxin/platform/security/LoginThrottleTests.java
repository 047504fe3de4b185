package org.tongxin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.accounts.AccountsTestSupport;
import org.tongxin.platform.accounts.TestAccounts;

/** Sign-in throttling per client address with the production limits (5 a minute, 20 an hour, 100 a day). */
@SpringBootTest(properties = { "tongxin.demo.mode=off", "tongxin.security.login-throttle.per-minute=5",
		"tongxin.security.login-throttle.per-hour=20", "tongxin.security.login-throttle.per-day=100" })
@AutoConfigureMockMvc
class LoginThrottleTests extends AccountsTestSupport {

	static final String PASSWORD = "Throttle#Test2026";

	@Test
	void anAddressThatFailedFiveTimesMustWaitEvenWithTheRightPasswordWhileOtherAddressesSignIn() {
		String username = newStaffAccount("throttled", PASSWORD);
		String attacker = "198.51.100.7";

		// Five failures spread over unknown names (different accounts, so no account lock is involved).
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(signIn(attacker, "nobody" + attempt, "Wrong#Pass" + attempt)).hasRedirectedUrl("/login?error");
		}
		MvcTestResult refused = signIn(attacker, username, PASSWORD);
		assertThat(refused.getResponse().getRedirectedUrl()).matches("/login\\?throttled=([1-9]|1[0-2])");
		assertThat(lastLogin(username)).isFalse();
		assertThat(mvc.get().uri(refused.getResponse().getRedirectedUrl())).hasStatusOk()
			.bodyText()
			.contains("登录失败次数过多");

		assertThat(signIn("198.51.100.8", username, PASSWORD)).hasRedirectedUrl("/");
		assertThat(lastLogin(username)).isTrue();
	}

	@Test
	void successfulSignInsDoNotUseUpTheAllowance() {
		String username = newStaffAccount("office", PASSWORD);

		for (int attempt = 1; attempt <= 8; attempt++) {
			assertThat(signIn("198.51.100.20", username, PASSWORD)).hasRedirectedUrl("/");
		}
	}

	@Test
	void aLockedAccountAndAnUnknownUserNameGetTheSameAnswer() {
		String username = newStaffAccount("locked", PASSWORD);
		for (int attempt = 1; attempt <= 5; attempt++) {
			signIn("198.51.100.30", username, "Wrong#Pass" + attempt);
		}
		assertThat(jdbc.sql("select locked_until > now() from platform_account where username = ?")
			.param(username)
			.query(Boolean.class)
			.single()).isTrue();

		// The right password of the locked account and any password of a name that does not exist.
		MvcTestResult locked = signIn("198.51.100.31", username, PASSWORD);
		MvcTestResult unknown = signIn("198.51.100.32", TestAccounts.uniqueName("ghost"), PASSWORD);
		assertThat(locked).hasRedirectedUrl("/login?error");
		assertThat(unknown).hasRedirectedUrl("/login?error");
	}

	private MvcTestResult signIn(String address, String username, String password) {
		return mvc.post().uri("/login").with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		}).param("username", username).param("password", password).exchange();
	}

	private boolean lastLogin(String username) {
		return jdbc.sql("select last_login_at is not null from platform_account where username = ?")
			.param(username)
			.query(Boolean.class)
			.single();
	}
}
