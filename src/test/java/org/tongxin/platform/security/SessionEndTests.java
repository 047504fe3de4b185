package org.tongxin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.accounts.Account;
import org.tongxin.platform.accounts.AccountsTestSupport;
import org.tongxin.platform.accounts.Roles;
import org.tongxin.platform.accounts.TestAccounts;

/**
 * 等保2.0 身份鉴别: what an account was granted at sign-in stops working as soon as it no longer holds. Each
 * test signs the account in twice before the change: one session then asks for a page (back to the sign-in
 * page), the other for the API (401 Problem Detail).
 */
@PlatformTest
class SessionEndTests extends AccountsTestSupport {

	static final String PASSWORD = "Session#Test2026";

	@Autowired
	ApiTokens tokens;

	@Autowired
	AccountSessions sessions;

	@Test
	void disablingAnAccountEndsItsSessionsAndRevokesItsTokens() {
		Account account = create("disabled");
		Live live = signInTwice(account);

		assertThat(update(account, false, Roles.STAFF)).hasRedirectedUrl("/admin/accounts/" + account.id());

		assertEnded(live);
	}

	@Test
	void aPasswordResetBySecurityAdministratorEndsSessionsAndRevokesTokens() {
		Account account = create("reset");
		Live live = signInTwice(account);

		assertThat(mvc.post()
			.uri("/admin/accounts/{id}/reset-password", account.id())
			.session(secadmin())
			.with(csrf())).hasStatusOk();

		assertEnded(live);
	}

	@Test
	void aPasswordChangeEndsEveryOtherSessionAndRevokesTokensButKeepsTheOneThatChangedIt() {
		Account account = create("change");
		Live live = signInTwice(account);
		MockHttpSession changing = TestAccounts.signIn(mvc, account.username(), PASSWORD, "/");

		assertThat(changePassword(changing, PASSWORD, "Changed#Pass2027")).hasRedirectedUrl("/account/password");

		assertEnded(live);
		assertThat(mvc.get().uri("/api/v1/me").session(changing)).hasStatusOk();
	}

	@Test
	void aLockAfterWrongPasswordsEndsTheAccountsSessions() {
		Account account = create("locked");
		Live live = signInTwice(account);

		for (int attempt = 1; attempt <= 5; attempt++) {
			mvc.perform(formLogin("/login").user(account.username()).password("Wrong#Pass" + attempt));
		}

		assertSessionsRefused(live);
	}

	@Test
	void aRoleChangeEndsTheAccountsSessions() {
		Account account = create("rolechange");
		Live live = signInTwice(account);

		assertThat(update(account, true, Roles.STAFF, Roles.REVIEWER))
			.hasRedirectedUrl("/admin/accounts/" + account.id());

		assertSessionsRefused(live);
		// Signing in again gives the new roles.
		MockHttpSession again = TestAccounts.signIn(mvc, account.username(), PASSWORD, "/");
		assertThat(mvc.get().uri("/api/v1/me").session(again)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.permissions")
			.asArray()
			.contains("review:score");
		// Tokens stay: a role change is not a sign of a stolen credential, and a token reads the roles afresh.
		assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + live.token()))
			.hasStatusOk();
	}

	@Test
	void anUnrelatedEditKeepsTheSessions() {
		Account account = create("rename");
		Live live = signInTwice(account);

		assertThat(mvc.post()
			.uri("/admin/accounts/{id}", account.id())
			.session(secadmin())
			.with(csrf())
			.param("displayName", "改名之后")
			.param("unitId", "510100")
			.param("roles", Roles.STAFF)
			.param("enabled", "true")).hasRedirectedUrl("/admin/accounts/" + account.id());

		assertThat(mvc.get().uri("/").session(live.page())).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/me").session(live.api())).hasStatusOk();
	}

	@Test
	void aSessionWhoseAccountWasDisabledBehindTheRegistrysBackIsRefusedToo() {
		Account account = create("direct");
		MockHttpSession session = TestAccounts.signIn(mvc, account.username(), PASSWORD, "/");

		// Changed in the database only (another node, an operator's SQL): the per-request check catches it.
		accounts.update(account.id(), account.displayName(), account.unitId(), false, account.roles());

		MvcTestResult refused = mvc.get().uri("/api/v1/me").session(session).exchange();
		assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(refused.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	record Live(MockHttpSession page, MockHttpSession api, String token) {
	}

	private Live signInTwice(Account account) {
		MockHttpSession page = TestAccounts.signIn(mvc, account.username(), PASSWORD, "/");
		MockHttpSession api = TestAccounts.signIn(mvc, account.username(), PASSWORD, "/");
		String token = tokens.issue(account.id(), "测试", null).secret();
		assertThat(mvc.get().uri("/").session(page)).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/me").session(api)).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).hasStatusOk();
		assertThat(sessions.live(account.username())).isGreaterThanOrEqualTo(2);
		return new Live(page, api, token);
	}

	private void assertEnded(Live live) {
		assertSessionsRefused(live);
		assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + live.token()))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	private void assertSessionsRefused(Live live) {
		assertThat(mvc.get().uri("/").session(live.page())).hasRedirectedUrl("/login?expired");
		MvcTestResult api = mvc.get().uri("/api/v1/me").session(live.api()).header("Accept-Language", "zh-CN").exchange();
		assertThat(api).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(api.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(api).bodyJson().extractingPath("$.detail").asString().contains("会话已结束");
		// The session stays ended: the same cookie does not come back to life.
		assertThat(mvc.get().uri("/").session(live.page())).hasStatus3xxRedirection();
	}

	private MvcTestResult update(Account account, boolean enabled, String... roles) {
		var request = mvc.post()
			.uri("/admin/accounts/{id}", account.id())
			.session(secadmin())
			.with(csrf())
			.param("displayName", account.displayName())
			.param("unitId", "510100")
			.param("roles", roles)
			.param("_enabled", "on");
		return (enabled ? request.param("enabled", "true") : request).exchange();
	}

	private Account create(String prefix) {
		return testAccounts().create(TestAccounts.uniqueName(prefix), PASSWORD, 510100, false,
				Roles.STAFF);
	}

	private MockHttpSession secadmin() {
		return TestAccounts.signIn(mvc, "secadmin", TestAccounts.DEMO_PASSWORD, "/");
	}
}
