package org.tongxin.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.tongxin.platform.PlatformTest;

@PlatformTest
class PasswordChangeTests extends AccountsTestSupport {

	static final String PASSWORD = "Start#Pass2026";

	@Test
	void weakPasswordsAreRejectedWithTheRuleTheyBreak() {
		String username = TestAccounts.uniqueName("policy");
		Account account = testAccounts().create(username, PASSWORD, 510100, false, Roles.STAFF);
		MockHttpSession session = TestAccounts.signIn(mvc, username, PASSWORD, "/");

		assertThat(changePassword(session, PASSWORD, "Ab1#xyz")).hasStatusOk().bodyText().contains("密码至少 8 位。");
		assertThat(changePassword(session, PASSWORD, "abcdefgh12")).hasStatusOk()
			.bodyText()
			.contains("密码须包含大写字母、小写字母、数字、符号中的至少 3 类。")
			.doesNotContain("密码至少 8 位。");
		assertThat(changePassword(session, PASSWORD, "X#" + username.toUpperCase() + "9")).hasStatusOk()
			.bodyText()
			.contains("密码不得包含用户名。");
		assertThat(changePassword(session, PASSWORD, PASSWORD)).hasStatusOk().bodyText().contains("新密码不能与当前密码相同。");
		assertThat(changePassword(session, "Wrong#Pass1", "Good#Pass2027")).hasStatusOk()
			.bodyText()
			.contains("当前密码不正确。");
		assertThat(mvc.post()
			.uri("/account/password")
			.session(session)
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", "Good#Pass2027")
			.param("confirmPassword", "Good#Pass2028")).hasStatusOk().bodyText().contains("两次输入的新密码不一致。");
		assertThat(hasPassword(username, PASSWORD)).isTrue();

		assertThat(changePassword(session, PASSWORD, "Good#Pass2027")).hasRedirectedUrl("/account/password");
		assertThat(hasPassword(username, "Good#Pass2027")).isTrue();
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

		assertThat(changePassword(session, PASSWORD, "Fresh#Pass2027")).hasRedirectedUrl("/");
		assertThat(mvc.get().uri("/").session(session)).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/me").session(session)).hasStatusOk();
		assertThat(jdbc.sql("select must_change_password from platform_account where username = ?")
			.param(username)
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void aPasswordOlderThanNinetyDaysMustBeChanged() {
		String username = accountWithPasswordSet(91, "expired");

		MockHttpSession session = TestAccounts.signIn(mvc, username, PASSWORD, "/account/password");
		assertThat(mvc.get().uri("/").session(session)).hasRedirectedUrl("/account/password");
		assertThat(changePassword(session, PASSWORD, "Renewed#Pass2027")).hasRedirectedUrl("/");
		assertThat(mvc.get().uri("/").session(session)).hasStatusOk();
	}

	@Test
	void aPasswordEightyNineDaysOldIsStillGood() {
		String username = accountWithPasswordSet(89, "notexpired");

		TestAccounts.signIn(mvc, username, PASSWORD, "/");
	}

	@Test
	void aChangeWithoutTheCsrfTokenIsForbidden() {
		String username = newStaffAccount("csrf", PASSWORD);
		MockHttpSession session = TestAccounts.signIn(mvc, username, PASSWORD, "/");

		assertThat(mvc.post()
			.uri("/account/password")
			.session(session)
			.param("currentPassword", PASSWORD)
			.param("newPassword", "Forged#Pass2027")
			.param("confirmPassword", "Forged#Pass2027")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(hasPassword(username, PASSWORD)).isTrue();
	}

	/** A STAFF account of 深圳 whose password was set {@code days} days ago. */
	private String accountWithPasswordSet(int days, String prefix) {
		String username = TestAccounts.uniqueName(prefix);
		testAccounts().create(username, PASSWORD, 440300, false, Roles.STAFF);
		jdbc.sql("update platform_account set password_changed_at = now() - make_interval(days => ?) where username = ?")
			.params(days, username)
			.update();
		return username;
	}
}
