package org.tongxin.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.accounts.Accounts;
import org.tongxin.platform.security.ApiTokens;

/** The command-line entry to the verification: the actuator endpoint called with a personal API token. */
@PlatformTest
class AuditChainEndpointTests extends AuditChainTestSupport {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Accounts accounts;

	@Test
	void auditorsTokenVerifiesTheChain() {
		String token = tokenOf("auditor");

		assertThat(mvc.get().uri("/actuator/auditchain").header("Authorization", "Bearer " + token)).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.ok", ok -> ok.assertThat().isEqualTo(true))
			.hasPathSatisfying("$.entriesChecked", checked -> checked.assertThat().asNumber().isNotEqualTo(0))
			.extractingPath("$.firstBrokenId")
			.isNull();
	}

	@Test
	void reportsTheFirstBrokenEntryAndWhy() {
		String token = tokenOf("auditor");
		long altered = chain.append("organisation", "金领E家");
		chain.append("organisation", "1+3+M+N");

		try (var tampering = chain.tamper(altered, "{\"after\":{\"name\":\"改过\"}}")) {
			assertThat(mvc.get().uri("/actuator/auditchain").header("Authorization", "Bearer " + token)).hasStatusOk()
				.bodyJson()
				.hasPathSatisfying("$.ok", ok -> ok.assertThat().isEqualTo(false))
				.hasPathSatisfying("$.firstBrokenId", id -> id.assertThat().asNumber().isEqualTo((int) altered))
				.hasPathSatisfying("$.problem", problem -> problem.assertThat().isEqualTo("hash mismatch"));
		}
	}

	@Test
	void otherTokensAreRefused() {
		assertThat(mvc.get().uri("/actuator/auditchain").header("Authorization", "Bearer " + tokenOf("central")))
			.hasStatus(403);
		assertThat(mvc.get().uri("/actuator/auditchain").header("Authorization", "Bearer " + tokenOf("admin")))
			.hasStatus(403);
		assertThat(mvc.get().uri("/actuator/auditchain").header("Authorization", "Bearer tx_not-a-token"))
			.hasStatus(401);
	}

	private String tokenOf(String username) {
		long account = accounts.findByUsername(username).orElseThrow().id();
		return tokens.issue(account, "audit chain check", null).secret();
	}
}
