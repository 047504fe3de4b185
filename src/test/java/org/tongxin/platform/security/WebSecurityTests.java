package org.tongxin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

@PlatformTest
class WebSecurityTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void formsWithoutTheCsrfTokenAreRejected() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.post()
			.uri("/programme/sites")
			.session(chengdu)
			.param("parentUnit", "510104")
			.param("name", "无令牌示范点")
			.param("kind", "PARK")).hasStatus(403);
		assertThat(mvc.post()
			.uri("/api/v1/programme/sites")
			.session(chengdu)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"parentUnit": 510104, "name": "无令牌示范点", "kind": "PARK"}""")).hasStatus(403);
		assertThat(mvc.post().uri("/login").param("username", "chengdu").param("password", SignIn.DEMO_PASSWORD))
			.hasStatus(403);
		assertThat(mvc.post()
			.uri("/programme/sites")
			.session(chengdu)
			.with(csrf())
			.param("parentUnit", "510104")
			.param("name", "有令牌示范点")
			.param("kind", "PARK")).hasStatus3xxRedirection();
	}

	@Test
	void pagesCarryTheSecurityHeaders() {
		var login = mvc.get().uri("/login").exchange();
		assertThat(login).hasStatusOk();
		assertThat(login).headers()
			.hasValue("X-Content-Type-Options", "nosniff")
			.hasValue("X-Frame-Options", "DENY")
			.hasValue("Referrer-Policy", "strict-origin-when-cross-origin");
		String csp = login.getResponse().getHeader("Content-Security-Policy");
		assertThat(csp).contains("script-src 'self';").contains("frame-ancestors 'none'").doesNotContain("unsafe");
	}

	@Test
	void theSessionIdChangesAtSignIn() {
		MockHttpSession before = new MockHttpSession();
		String anonymousId = before.getId();
		var result = mvc.perform(formLogin("/login").user("shenzhen").password(SignIn.DEMO_PASSWORD)).getMvcResult();
		assertThat(result.getRequest().getSession().getId()).isNotEqualTo(anonymousId);
	}

	@Test
	void anonymousCallersAreSentToSignInOrRefused() {
		assertThat(mvc.get().uri("/programme")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
		assertThat(mvc.get().uri("/api/v1/programme/cities")).hasStatus(401);
		assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(401);
		assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
	}

	@Test
	void idleSessionsEndAfterThirtyMinutes(@Value("${server.servlet.session.timeout}") Duration timeout) {
		// MockMvc has no servlet container; this is the setting Tomcat applies to every session.
		assertThat(timeout).isEqualTo(Duration.ofMinutes(30));
	}
}
