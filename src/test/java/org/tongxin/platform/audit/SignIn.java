package org.tongxin.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Signs a demo account in through the real login form and hands back its session; the principal must be
 * our AccountPrincipal, which a mock user would not be.
 */
public final class SignIn {

	public static final String DEMO_PASSWORD = "Tongxin@2018";

	private SignIn() {
	}

	public static MockHttpSession as(MockMvcTester mvc, String username) {
		MvcTestResult result = mvc.perform(formLogin("/login").user(username).password(DEMO_PASSWORD));
		assertThat(result).hasRedirectedUrl("/");
		return (MockHttpSession) result.getRequest().getSession(false);
	}
}
