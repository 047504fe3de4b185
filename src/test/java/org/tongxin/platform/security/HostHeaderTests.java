package org.tongxin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/** A request with {@code Host: evil.example} never gets evil.example back, in a Location header or a page. */
@PlatformTest
class HostHeaderTests {

	static final String EVIL = "evil.example";

	@Autowired
	MockMvcTester mvc;

	@Test
	void theSignInRedirectIsRelative() {
		MvcTestResult result = mvc.get().uri("/people").header(HttpHeaders.HOST, EVIL).exchange();
		assertThat(result).hasStatus3xxRedirection();
		assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/login").doesNotContain(EVIL);
	}

	@Test
	void theRedirectBackToTheSavedPageAfterSignInIsRelative() {
		MvcTestResult asked = mvc.get().uri("/people?q=x").header(HttpHeaders.HOST, EVIL).exchange();
		MockHttpSession session = (MockHttpSession) asked.getRequest().getSession();
		MvcTestResult signedIn = mvc.post()
			.uri("/login")
			.session(session)
			.header(HttpHeaders.HOST, EVIL)
			.with(csrf())
			.param("username", "chengdu")
			.param("password", SignIn.DEMO_PASSWORD)
			.exchange();
		assertThat(signedIn).hasStatus3xxRedirection();
		assertThat(signedIn.getResponse().getHeader(HttpHeaders.LOCATION)).doesNotContain(EVIL).startsWith("/people");
	}

	@Test
	void pagesAndTheApiDescriptionDoNotNameTheHost() {
		assertThat(mvc.get().uri("/login?x=1").header(HttpHeaders.HOST, EVIL)).hasStatusOk()
			.bodyText()
			.doesNotContain(EVIL)
			.contains("/login?x=1&amp;lang=en");
		MockHttpSession session = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/").session(session).header(HttpHeaders.HOST, EVIL)).hasStatusOk()
			.bodyText()
			.doesNotContain(EVIL);
		assertThat(mvc.get().uri("/v3/api-docs").session(session).header(HttpHeaders.HOST, EVIL)).hasStatusOk()
			.bodyText()
			.doesNotContain(EVIL);
	}

	@Test
	void aRedirectBuiltOnTheHostIsMadeRelativeAndOtherHostsAreLeftAlone() {
		var locations = new PublicUrlFilter.RelativeLocations(new org.springframework.mock.web.MockHttpServletResponse(),
				EVIL, null);
		assertThat(locations.rewrite("http://evil.example:8080/people/1?tab=a#top")).isEqualTo("/people/1?tab=a#top");
		assertThat(locations.rewrite("/people")).isEqualTo("/people");

		var configured = new PublicUrlFilter.RelativeLocations(new org.springframework.mock.web.MockHttpServletResponse(),
				EVIL, java.net.URI.create("https://tongxin.example.gov.cn"));
		assertThat(configured.rewrite("http://evil.example/login")).isEqualTo("https://tongxin.example.gov.cn/login");
	}
}
