package org.tongxin.platform.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in an API call that carries a personal token, for that request only (no session). */
class ApiTokenFilter extends OncePerRequestFilter {

	static final String BEARER = "Bearer ";

	private final ApiTokens tokens;

	private final AccountDetailsService accounts;

	ApiTokenFilter(ApiTokens tokens, AccountDetailsService accounts) {
		this.tokens = tokens;
		this.accounts = accounts;
	}

	static boolean carriesToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.startsWith(BEARER);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!carriesToken(request)) {
			chain.doFilter(request, response);
			return;
		}
		String secret = request.getHeader("Authorization").substring(BEARER.length()).trim();
		Optional<UserDetails> user = tokens.usernameFor(secret).map(accounts::loadUserByUsername);
		if (user.isEmpty() || !user.get().isAccountNonLocked() || !user.get().isEnabled()) {
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
				user.get().getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
