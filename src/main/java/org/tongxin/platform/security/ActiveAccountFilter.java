package org.tongxin.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tongxin.platform.accounts.Accounts;

/**
 * Defence in depth behind the session registry: every request of a signed-in session checks that its
 * account is still enabled and not locked, so a session ends even if it was missed in the registry (another
 * node, a change made directly in the database). One indexed lookup by primary key per request.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

	private final Accounts accounts;

	private final SignedOut signedOut;

	ActiveAccountFilter(Accounts accounts, SignedOut signedOut) {
		this.accounts = accounts;
		this.signedOut = signedOut;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		// Token requests load their account afresh in ApiTokenFilter; only sessions carry an old principal.
		if (!ApiTokenFilter.carriesToken(request) && authentication != null
				&& authentication.getPrincipal() instanceof AccountPrincipal principal
				&& !accounts.isActive(principal.actor().accountId())) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			signedOut.send(request, response, "login.sessionEnded", "?expired");
			return;
		}
		chain.doFilter(request, response);
	}
}
