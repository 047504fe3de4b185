package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * What an operator watches: every answer names its request id (kept when the client sent a sane one, replaced
 * when not), and the Prometheus scrape carries sign-ins by outcome, the job queue and the connection pool —
 * for the system administrator only.
 */
@PlatformTest
class ObservabilityTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void everyAnswerNamesItsRequestIdAndAForgedOneIsReplaced() {
		MvcTestResult sane = mvc.get().uri("/login").header("X-Request-Id", "proxy-1234-abcd").exchange();
		assertThat(sane.getResponse().getHeader("X-Request-Id")).isEqualTo("proxy-1234-abcd");

		MvcTestResult forged = mvc.get().uri("/login").header("X-Request-Id", "x\" level=ERROR forged").exchange();
		assertThat(forged.getResponse().getHeader("X-Request-Id")).matches("[0-9a-f-]{13}");

		MvcTestResult none = mvc.get().uri("/login").exchange();
		assertThat(none.getResponse().getHeader("X-Request-Id")).matches("[0-9a-f-]{13}");
	}

	@Test
	void thePrometheusScrapeCountsSignInsJobsAndConnections() throws Exception {
		SignIn.as(mvc, "central");
		assertThat(mvc.perform(formLogin("/login").user("central").password("wrong-password"))).hasStatus3xxRedirection();
		MockHttpSession admin = SignIn.as(mvc, "admin");

		MvcTestResult scrape = mvc.get().uri("/actuator/prometheus").session(admin).exchange();

		assertThat(scrape).hasStatusOk();
		String body = scrape.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).containsPattern("tongxin_signins_total\\{[^}]*outcome=\"success\"[^}]*\\} [1-9]")
			.containsPattern("tongxin_signins_total\\{[^}]*outcome=\"failure\"[^}]*\\} [1-9]")
			.contains("tongxin_signins_total{outcome=\"locked\"")
			.containsPattern("tongxin_jobs\\{[^}]*status=\"queued\"")
			.containsPattern("tongxin_jobs\\{[^}]*status=\"running\"")
			.contains("hikaricp_connections_active");
		assertThat(body).doesNotContain("central");

		assertThat(mvc.get().uri("/actuator/prometheus").session(SignIn.as(mvc, "central")).exchange())
			.hasStatus(403);
	}

	@Test
	void everyShippedAlertRuleNamesAMetricTheScrapeCarries() throws Exception {
		SignIn.as(mvc, "central");
		String body = mvc.get().uri("/actuator/prometheus").session(SignIn.as(mvc, "admin")).exchange().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Map<String, Object> file = new org.yaml.snakeyaml.Yaml()
			.load(java.nio.file.Files.readString(java.nio.file.Path.of("ops/prometheus/tongxin-alerts.yml")));
		List<String> expressions = new java.util.ArrayList<>();
		for (Object group : (List<?>) file.get("groups")) {
			for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
				expressions.add(String.valueOf(((Map<?, ?>) rule).get("expr")));
			}
		}
		assertThat(expressions).hasSizeGreaterThanOrEqualTo(8);
		java.util.regex.Matcher metric = java.util.regex.Pattern
			.compile("\\b((?:tongxin|hikaricp|http_server_requests)_[a-z_]+)\\b")
			.matcher(String.join("\n", expressions));
		int named = 0;
		while (metric.find()) {
			named++;
			assertThat(body).as(metric.group(1)).containsPattern("(?m)^" + metric.group(1) + "[{ ]");
		}
		assertThat(named).isGreaterThanOrEqualTo(10);
	}
}
