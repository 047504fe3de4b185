package org.tongxin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.tongxin.platform.accounts.AccountsTestSupport;
import org.tongxin.platform.accounts.TestAccounts;

/** Outside demo mode: no demo password, no common password, no easily guessed one, none of the last five. */
@SpringBootTest(properties = { "tongxin.demo.mode=off", "tongxin.security.login-throttle.per-minute=5",
		"tongxin.security.login-throttle.per-hour=20", "tongxin.security.login-throttle.per-day=100" })
@AutoConfigureMockMvc
class PasswordStrengthTests extends AccountsTestSupport {

	static final String PASSWORD = "Strength#Test2026";

	@Autowired
	PasswordPolicy policy;

	@Test
	void theDemoPasswordIsRefusedOutsideDemoMode() {
		MockHttpSession session = newAccount("nodemo");
		assertThat(changePassword(session, PASSWORD, "Tongxin@2018")).hasStatusOk()
			.bodyText()
			.contains("不能使用演示环境公开的密码。");
		assertThat(policy.violations("someone", "tongxin@2018")).containsExactly("password.policy.demo");
	}

	@Test
	void theMostCommonPasswordsAreRefusedEvenWhenTheyMeetTheCharacterRules() {
		MockHttpSession session = newAccount("common");
		for (String common : new String[] { "Password1", "P@ssw0rd", "Password123", "Admin123" }) {
			assertThat(changePassword(session, PASSWORD, common)).as(common)
				.hasStatusOk()
				.bodyText()
				.contains("这是最常见的密码之一");
		}
	}

	@Test
	void easilyGuessedPasswordsAreRefusedWithAReason() {
		MockHttpSession session = newAccount("weak");
		for (String weak : new String[] { "Qwerty@123", "Abcd1234!", "Tongxin@2019" }) {
			assertThat(changePassword(session, PASSWORD, weak)).as(weak).hasStatusOk().bodyText().contains("密码太容易被猜中");
		}
		assertThat(policy.violations("someone", "Rain7-Lantern-Ox")).isEmpty();
		assertThat(changePassword(session, PASSWORD, "Rain7-Lantern-Ox")).hasRedirectedUrl("/account/password");
	}

	@Test
	void aNewPasswordMustDifferFromTheLastFive() {
		MockHttpSession session = newAccount("history");
		String[] chosen = { "Rain7-Lantern-Ox", "Zebra!Copper42", "Maple&River81", "Quartz+Falcon36", "Velvet?Canyon57" };
		String current = PASSWORD;
		for (String next : chosen) {
			assertThat(changePassword(session, current, next)).as(next).hasRedirectedUrl("/account/password");
			current = next;
		}
		// The last five are PASSWORD's successors; the first of them and the start password are in them or older.
		assertThat(changePassword(session, current, "Rain7-Lantern-Ox")).hasStatusOk()
			.bodyText()
			.contains("新密码不能与最近 5 次使用过的密码相同。");
		assertThat(changePassword(session, current, "Maple&River81")).hasStatusOk().bodyText().contains("最近 5 次");
		// Six passwords ago: allowed again.
		assertThat(changePassword(session, current, PASSWORD)).hasRedirectedUrl("/account/password");
	}

	private MockHttpSession newAccount(String prefix) {
		String username = newStaffAccount(prefix, PASSWORD);
		return TestAccounts.signIn(mvc, username, PASSWORD, "/");
	}
}
