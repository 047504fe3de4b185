package org.tongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Signs a demo account in through the real login form and hands back its session. */
public final class SignIn {

	public static final String DEMO_PASSWORD = "Tongxin@2018";

	private SignIn() {
	}

	/**
	 * Signs an account in on the calling thread, without HTTP: for tests that call facades directly. Clear it
	 * again with {@code SecurityContextHolder.clearContext()}.
	 */
	public static void onThisThread(UserDetailsService accounts, String username) {
		UserDetails account = accounts.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
	}

	public static MockHttpSession as(MockMvcTester mvc, String username) {
		MvcTestResult result = mvc.perform(formLogin("/login").user(username).password(DEMO_PASSWORD));
		assertThat(result).hasStatus3xxRedirection();
		assertThat(result.getMvcResult().getResponse().getRedirectedUrl()).doesNotContain("error");
		return (MockHttpSession) result.getMvcResult().getRequest().getSession();
	}
}
