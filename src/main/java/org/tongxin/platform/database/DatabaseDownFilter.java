package org.tongxin.platform.database;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the embedded PostgreSQL is stopped ({@link EmbeddedSupervisor}), every request but static files and the
 * health endpoint is answered 503 at once, through the one error page or Problem Detail ("服务暂时不可用（数据库
 * 无法连接），请稍后再试"), with Retry-After: nothing waits for a connection that cannot come, and nothing
 * reaches code that would fail on the way with a library's message.
 */
final class DatabaseDownFilter extends OncePerRequestFilter {

	/** Read by the error page (platform.web.ErrorPages.CODE) for the detail. */
	static final String CODE_ATTRIBUTE = "org.tongxin.platform.web.ErrorPages.code";

	private final EmbeddedSupervisor supervisor;

	DatabaseDownFilter(EmbeddedSupervisor supervisor) {
		this.supervisor = supervisor;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (supervisor.available() || servedWithoutDatabase(request.getRequestURI())) {
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(CODE_ATTRIBUTE, "problem.unavailable");
		response.setHeader("Retry-After", "10");
		response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
	}

	private static boolean servedWithoutDatabase(String path) {
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
				|| path.startsWith("/webjars/") || path.equals("/favicon.ico") || path.startsWith("/actuator/health");
	}
}
