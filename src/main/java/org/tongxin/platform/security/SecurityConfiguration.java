package org.tongxin.platform.security;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.tongxin.platform.DemoMode;
import org.tongxin.platform.accounts.Accounts;
import tools.jackson.databind.json.JsonMapper;

/**
 * Form login for people, personal tokens for programs; CSRF on for every browser request; a strict
 * content security policy (no inline script anywhere in the UI); permissions checked per method with
 * {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({ SecuritySettings.class, LoginThrottleSettings.class })
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** Swagger UI sets inline styles; it gets the same policy with inline styles allowed, still no inline script. */
	static final String CSP_API_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokens tokens, AccountDetailsService details,
			Accounts accounts, SecuritySettings settings, DemoMode demoMode, Clock clock, SessionRegistry sessionRegistry,
			MessageSource messages, JsonMapper json, LoginThrottle throttle) throws Exception {
		RequestMatcher api = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));
		RequestMatcher apiDocs = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
		SignedOut signedOut = new SignedOut(api, messages, json);
		LoginUrlAuthenticationEntryPoint loginEntryPoint = new LoginUrlAuthenticationEntryPoint("/login");
		// "/login", not "http://<Host header>/login".
		loginEntryPoint.setFavorRelativeUris(true);
		// One answer for a wrong password, an unknown user name, a locked and a disabled account: the page
		// must not tell which user names exist (and the password is checked first in every case, below).
		SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");

		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/auditchain").hasAuthority("audit:verify")
			.requestMatchers("/actuator/**").hasAuthority("system:settings")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(new LoginSuccessHandler(accounts, settings, demoMode, clock))
				.failureHandler(failure)
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			// Every session is registered so that disabling, locking, a password reset or change and a role
			// change can end all sessions of the account at once (AccountSessions); no limit on their number.
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
				.maximumSessions(-1)
				.sessionRegistry(sessionRegistry)
				.expiredSessionStrategy(event -> signedOut.send(event.getRequest(), event.getResponse(),
						"login.sessionEnded", "?expired")))
			.csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenFilter::carriesToken))
			.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, exception) -> {
				// Programs get a status code; people get the sign-in page.
				if (api.matches(request)) {
					signedOut.send(request, response, "login.required", "");
				}
				else {
					loginEntryPoint.commence(request, response, exception);
				}
			}))
			.headers(headers -> headers.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(apiDocs),
						new ContentSecurityPolicyHeaderWriter(CSP)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(apiDocs,
						new ContentSecurityPolicyHeaderWriter(CSP_API_DOCS))))
			.addFilterBefore(new ApiTokenFilter(tokens, details), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new ActiveAccountFilter(accounts, signedOut), ConcurrentSessionFilter.class)
			.addFilterAfter(new LoginSteps(), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * Before everything else, Spring Security included: the Host header never reaches a URL we send back.
	 *
	 * @param publicUrl the address users reach Tongxin at (e.g. https://tongxin.example.gov.cn); empty: links
	 * and redirects stay relative
	 */
	@Bean
	FilterRegistrationBean<PublicUrlFilter> publicUrlFilter(@Value("${tongxin.public-url:}") String publicUrl) {
		URI url = publicUrl.isBlank() ? null : URI.create(publicUrl.strip().replaceAll("/+$", ""));
		if (url != null && (url.getHost() == null || !List.of("http", "https").contains(url.getScheme()))) {
			throw new IllegalStateException("tongxin.public-url must be an http(s) URL with a host: " + publicUrl);
		}
		FilterRegistrationBean<PublicUrlFilter> registration = new FilterRegistrationBean<>(new PublicUrlFilter(url));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Tells the registry when the servlet container ends or renames a session. */
	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	/**
	 * The password is checked before the account's state (locked, disabled), not after as by default: a
	 * locked account then costs the same hash computation as any other, so neither the answer nor its timing
	 * tells a locked account from an unknown user name.
	 */
	@Bean
	AuthenticationProvider authenticationProvider(AccountDetailsService details, PasswordEncoder encoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(details);
		provider.setPasswordEncoder(encoder);
		provider.setPreAuthenticationChecks(user -> {
		});
		provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		return provider;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}
}
