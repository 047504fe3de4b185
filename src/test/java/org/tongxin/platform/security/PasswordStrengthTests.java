package org.tongxin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.accounts.Accounts;
import org.tongxin.platform.accounts.Roles;
import org.tongxin.platform.accounts.TestAccounts;

/** Outside demo mode: no demo password, no common password, no easily guessed one, none of the last five. */
@SpringBootTest(properties = { "tongxin.demo.mode=off", "tongxin.security.login-throttle.per-minute=5",
		"tongxin.security.login-throttle.per-hour=20", "tongxin.security.login-throttle.per-day=100" })
@AutoConfigureMockMvc
class PasswordStrengthTests {

	static final String PASSWORD = "Strength#Test2026";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	PasswordPolicy policy;

	@Test
	void theDemoPasswordIsRefusedOutsideDemoMode() {
		MockHttpSession session = newAccount("nodemo");
		assertThat(change(session, PASSWORD, "Tongxin@2018")).hasStatusOk()
			.bodyText()
			.contains("不能使用演示环境公开的密码。");
		assertThat(policy.violations("someone", "tongxin@2018")).containsExactly("password.policy.demo");
	}

	@Test
	void theMostCommonPasswordsAreRefusedEvenWhenTheyMeetTheCharacterRules() {
		MockHttpSession session = newAccount("common");
		for (String common : new String[] { "Password1", "P@ssw0rd", "Password123", "Admin123" }) {
			assertThat(change(session, PASSWORD, common)).as(common)
				.hasStatusOk()
				.bodyText()
				.contains("这是最常见的密码之一");
		}
	}

	@Test
	void easilyGuessedPasswordsAreRefusedWithAReason() {
		MockHttpSession session = newAccount("weak");
		for (String weak : new String[] { "Qwerty@123", "Abcd1234!", "Tongxin@2019" }) {
			assertThat(change(session, PASSWORD, weak)).as(weak).hasStatusOk().bodyText().contains("密码太容易被猜中");
		}
		assertThat(policy.violations("someone", "Rain7-Lantern-Ox")).isEmpty();
		assertThat(change(session, PASSWORD, "Rain7-Lantern-Ox")).hasRedirectedUrl("/account/password");
	}

	@Test
	void aNewPasswordMustDifferFromTheLastFive() {
		MockHttpSession session = newAccount("history");
		String[] chosen = { "Rain7-Lantern-Ox", "Zebra!Copper42", "Maple&River81", "Quartz+Falcon36", "Velvet?Canyon57" };
		String current = PASSWORD;
		for (String next : chosen) {
			assertThat(change(session, current, next)).as(next).hasRedirectedUrl("/account/password");
			current = next;
		}
		// The last five are PASSWORD's successors; the first of them and the start password are in them or older.
		assertThat(change(session, current, "Rain7-Lantern-Ox")).hasStatusOk()
			.bodyText()
			.contains("新密码不能与最近 5 次使用过的密码相同。");
		assertThat(change(session, current, "Maple&River81")).hasStatusOk().bodyText().contains("最近 5 次");
		// Six passwords ago: allowed again.
		assertThat(change(session, current, PASSWORD)).hasRedirectedUrl("/account/password");
	}

	private MockHttpSession newAccount(String prefix) {
		String username = TestAccounts.uniqueName(prefix);
		new TestAccounts(accounts, encoder).create(username, PASSWORD, 510100, false, Roles.STAFF);
		return TestAccounts.signIn(mvc, username, PASSWORD, "/");
	}

	private MvcTestResult change(MockHttpSession session, String current, String next) {
		return mvc.post()
			.uri("/account/password")
			.session(session)
			.with(csrf())
			.param("currentPassword", current)
			.param("newPassword", next)
			.param("confirmPassword", next)
			.exchange();
	}
}
