package org.tongxin.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;

@PlatformTest
class PasswordChangeTests {

	static final String PASSWORD = "Start#Pass2026";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void weakPasswordsAreRejectedWithTheRuleTheyBreak() {
		String username = TestAccounts.uniqueName("policy");
		Account account = testAccounts().create(username, PASSWORD, 510100, false, Roles.STAFF);
		MockHttpSession session = TestAccounts.signIn(mvc, username, PASSWORD, "/");

		assertThat(change(session, PASSWORD, "Ab1#xyz")).hasStatusOk().bodyText().contains("密码至少 8 位。");
		assertThat(change(session, PASSWORD, "abcdefgh12")).hasStatusOk()
			.bodyText()
			.contains("密码须包含大写字母、小写字母、数字、符号中的至少 3 类。")
			.doesNotContain("密码至少 8 位。");
		assertThat(change(session, PASSWORD, "X#" + username.toUpperCase() + "9")).hasStatusOk()
			.bodyText()
			.contains("密码不得包含用户名。");
		assertThat(change(session, PASSWORD, PASSWORD)).hasStatusOk().bodyText().contains("新密码不能与当前密码相同。");
		assertThat(change(session, "Wrong#Pass1", "Good#Pass2027")).hasStatusOk()
			.bodyText()
			.contains("当前密码不正确。");
		assertThat(mvc.post()
			.uri("/account/password")
			.session(session)
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", "Good#Pass2027")
			.param("confirmPassword", "Good#Pass2028")).hasStatusOk().bodyText().contains("两次输入的新密码不一致。");
		assertThat(encoder.matches(PASSWORD, passwordHash(username))).isTrue();

		assertThat(change(session, PASSWORD, "Good#Pass2027")).hasRedirectedUrl("/account/password");
		assertThat(encoder.matches("Good#Pass2027", passwordHash(username))).isTrue();
		String detail = jdbc.sql("""
				select detail from platform_audit_log
				where action = 'PASSWORD_CHANGE' and object_type = 'account' and object_id = ?""")
			.param(Long.toString(account.id()))
			.query(String.class)
			.single();
		assertThat(detail).doesNotContain("Good#Pass2027").doesNotContain(PASSWORD);
		TestAccounts.signIn(mvc, username, "Good#Pass2027", "/");
	}

	@Test
	void anAccountThatMustChangeItsPasswordGetsNothingElseUntilItDoes() {
		String username = TestAccounts.uniqueName("mustchange");
		testAccounts().create(username, PASSWORD, 500103, true, Roles.STAFF);
		MockHttpSession session = TestAccounts.signIn(mvc, username, PASSWORD, "/account/password");

		for (String page : new String[] { "/", "/account/tokens", "/admin/accounts", "/programme", "/login/mfa" }) {
			assertThat(mvc.get().uri(page).session(session)).hasRedirectedUrl("/account/password");
		}
		assertThat(mvc.get().uri("/api/v1/me").session(session)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/account/password").session(session)).hasStatusOk()
			.bodyText()
			.contains("首次登录、密码已重置或已超过有效期，请先修改密码。");

		assertThat(change(session, PASSWORD, "Fresh#Pass2027")).hasRedirectedUrl("/");
		assertThat(mvc.get().uri("/").session(session)).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/me").session(session)).hasStatusOk();
		assertThat(jdbc.sql("select must_change_password from platform_account where username = ?")
			.param(username)
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void aPasswordOlderThanNinetyDaysMustBeChanged() {
		String username = TestAccounts.uniqueName("expired");
		testAccounts().create(username, PASSWORD, 440300, false, Roles.STAFF);
		jdbc.sql("update platform_account set password_changed_at = now() - interval '91 days' where username = ?")
			.param(username)
			.update();

		MockHttpSession session = TestAccounts.signIn(mvc, username, PASSWORD, "/account/password");
		assertThat(mvc.get().uri("/").session(session)).hasRedirectedUrl("/account/password");
		assertThat(change(session, PASSWORD, "Renewed#Pass2027")).hasRedirectedUrl("/");
		assertThat(mvc.get().uri("/").session(session)).hasStatusOk();
	}

	@Test
	void aPasswordEightyNineDaysOldIsStillGood() {
		String username = TestAccounts.uniqueName("notexpired");
		testAccounts().create(username, PASSWORD, 440300, false, Roles.STAFF);
		jdbc.sql("update platform_account set password_changed_at = now() - interval '89 days' where username = ?")
			.param(username)
			.update();

		TestAccounts.signIn(mvc, username, PASSWORD, "/");
	}

	@Test
	void aChangeWithoutTheCsrfTokenIsForbidden() {
		String username = TestAccounts.uniqueName("csrf");
		testAccounts().create(username, PASSWORD, 510100, false, Roles.STAFF);
		MockHttpSession session = TestAccounts.signIn(mvc, username, PASSWORD, "/");

		assertThat(mvc.post()
			.uri("/account/password")
			.session(session)
			.param("currentPassword", PASSWORD)
			.param("newPassword", "Forged#Pass2027")
			.param("confirmPassword", "Forged#Pass2027")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(encoder.matches(PASSWORD, passwordHash(username))).isTrue();
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

	private String passwordHash(String username) {
		return jdbc.sql("select password_hash from platform_account where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	private TestAccounts testAccounts() {
		return new TestAccounts(accounts, encoder);
	}
}
