package org.tongxin.platform.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to a request that is not (or no longer) signed in: programs get a 401 Problem Detail with a
 * readable message, people the sign-in page. Links stay relative to the context, whatever the Host header.
 */
final class SignedOut {

	private final RequestMatcher api;

	private final MessageSource messages;

	private final JsonMapper json;

	SignedOut(RequestMatcher api, MessageSource messages, JsonMapper json) {
		this.api = api;
		this.messages = messages;
		this.json = json;
	}

	/** @param reason the message key; "login.sessionEnded" or "login.required" */
	void send(HttpServletRequest request, HttpServletResponse response, String reason, String loginQuery)
			throws IOException {
		if (api.matches(request)) {
			Locale locale = locale(request);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					messages.getMessage(reason, null, locale));
			problem.setTitle(messages.getMessage("login.unauthorized", null, locale));
			problem.setProperty("code", reason);
			problem.setInstance(URI.create(request.getRequestURI()));
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(json.writeValueAsString(problem));
			return;
		}
		response.sendRedirect(request.getContextPath() + "/login" + loginQuery);
	}

	/** Programs choose English by Accept-Language; everyone else reads Chinese, the default of the UI. */
	private static Locale locale(HttpServletRequest request) {
		return request.getHeader("Accept-Language") != null && "en".equals(request.getLocale().getLanguage())
				? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
	}
}
