package org.tongxin.platform.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Steps a signed-in user must finish before anything else: the second factor, then a password change
 * (first sign-in, reset by the security administrator, or older than the maximum age). Until then
 * every other page redirects to the step and every API call is refused.
 */
public class LoginSteps extends OncePerRequestFilter {

	public static final String PENDING_MFA = "tongxin.login.pendingMfa";

	public static final String PENDING_PASSWORD = "tongxin.login.pendingPassword";

	static final String MFA_PATH = "/login/mfa";

	static final String PASSWORD_PATH = "/account/password";

	private static final Set<String> ALWAYS_ALLOWED = Set.of("/logout", "/error");

	private static final String[] STATIC_PREFIXES = { "/webjars/", "/css/", "/js/", "/img/", "/favicon" };

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String step = pendingStep(request.getSession(false));
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (step == null || path.startsWith(step) || ALWAYS_ALLOWED.contains(path) || isStatic(path)) {
			chain.doFilter(request, response);
			return;
		}
		if (path.startsWith("/api/")) {
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		response.sendRedirect(request.getContextPath() + step);
	}

	private static @Nullable String pendingStep(@Nullable HttpSession session) {
		if (session == null) {
			return null;
		}
		if (Boolean.TRUE.equals(session.getAttribute(PENDING_MFA))) {
			return MFA_PATH;
		}
		if (Boolean.TRUE.equals(session.getAttribute(PENDING_PASSWORD))) {
			return PASSWORD_PATH;
		}
		return null;
	}

	private static boolean isStatic(String path) {
		for (String prefix : STATIC_PREFIXES) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** Where to go after a step is done: the next pending step, or the home page. */
	public static String next(HttpSession session) {
		String step = pendingStep(session);
		return step == null ? "/" : step;
	}
}
