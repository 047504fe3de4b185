package org.tongxin.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;

@PlatformTest
class ApiTokenTests {

	private static final Pattern ISSUED = Pattern.compile("id=\"issued-secret\">(tx_[A-Za-z0-9_-]+)<");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenCreatedInTheUiSignsInApiCallsUntilItIsRevoked() {
		MockHttpSession session = TestAccounts.signIn(mvc, "central", TestAccounts.DEMO_PASSWORD, "/");

		MvcTestResult created = mvc.post()
			.uri("/account/tokens")
			.session(session)
			.with(csrf())
			.param("name", "省级数据交换")
			.exchange();
		assertThat(created).hasStatusOk();
		assertThat(created.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
		String secret = issuedSecret(created);

		assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.username")
			.isEqualTo("central");
		assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)).bodyJson()
			.extractingPath("$.unitId")
			.isEqualTo(1);
		assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)).bodyJson()
			.extractingPath("$.permissions")
			.asArray()
			.contains("programme:read", "people:read");

		// Listed without the secret; creation audited with the prefix only.
		assertThat(mvc.get().uri("/account/tokens").session(session)).hasStatusOk()
			.bodyText()
			.contains("省级数据交换", secret.substring(0, 10))
			.doesNotContain(secret);
		long id = jdbc.sql("select id from platform_api_token where prefix = ?")
			.param(secret.substring(0, 10))
			.query(Long.class)
			.single();
		assertThat(auditDetail("CREATE", id)).contains(secret.substring(0, 10)).doesNotContain(secret);

		assertThat(mvc.post().uri("/account/tokens/{id}/revoke", id).session(session).with(csrf()))
			.hasRedirectedUrl("/account/tokens");
		assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(auditDetail("DELETE", id)).contains("省级数据交换");
	}

	@Test
	void unknownTokensAndNoTokenAreUnauthorised() {
		assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer tx_notarealtoken"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/v1/me")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void onlyTheOwnerCanRevokeAToken() {
		MockHttpSession owner = TestAccounts.signIn(mvc, "sichuan", TestAccounts.DEMO_PASSWORD, "/");
		String secret = issuedSecret(
				mvc.post().uri("/account/tokens").session(owner).with(csrf()).param("name", "四川报表").exchange());
		long id = jdbc.sql("select id from platform_api_token where prefix = ?")
			.param(secret.substring(0, 10))
			.query(Long.class)
			.single();

		MockHttpSession other = TestAccounts.signIn(mvc, "shenzhen", TestAccounts.DEMO_PASSWORD, "/");
		assertThat(mvc.post().uri("/account/tokens/{id}/revoke", id).session(other).with(csrf()))
			.hasRedirectedUrl("/account/tokens");
		assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.username")
			.isEqualTo("sichuan");
	}

	@Test
	void aTokenNeedsAPurposeAndAnExpiryNotInThePast() {
		MockHttpSession session = TestAccounts.signIn(mvc, "chengdu", TestAccounts.DEMO_PASSWORD, "/");

		assertThat(mvc.post().uri("/account/tokens").session(session).with(csrf()).param("name", "  "))
			.hasStatusOk()
			.bodyText()
			.contains("请填写用途说明。")
			.doesNotContain("issued-secret");
		assertThat(mvc.post()
			.uri("/account/tokens")
			.session(session)
			.with(csrf())
			.param("name", "过期测试")
			.param("expires", LocalDate.now().minusDays(1).toString())).hasStatusOk()
			.bodyText()
			.contains("有效期不能早于今天。");
		assertThat(mvc.post()
			.uri("/account/tokens")
			.session(session)
			.with(csrf())
			.param("name", "季度报送")
			.param("expires", LocalDate.now().plusMonths(3).toString())).hasStatusOk()
			.bodyText()
			.contains("issued-secret", "季度报送", LocalDate.now().plusMonths(3).toString());
	}

	private String issuedSecret(MvcTestResult result) throws AssertionError {
		String body;
		try {
			body = result.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new AssertionError(e);
		}
		Matcher matcher = ISSUED.matcher(body);
		assertThat(matcher.find()).as("the page shows the new secret once").isTrue();
		return matcher.group(1);
	}

	private String auditDetail(String action, long tokenId) {
		return jdbc.sql("""
				select detail from platform_audit_log
				where action = ? and object_type = 'api-token' and object_id = ?""")
			.params(action, Long.toString(tokenId))
			.query(String.class)
			.single();
	}
}
