package org.tongxin.platform.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.tongxin.platform.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request whose parameters or path carry a C0 control character other than tab, CR and LF — above
 * all U+0000, which PostgreSQL cannot hold in text and answers with an error on any query that binds it. No
 * form or filter of Tongxin has a use for them, so the request is answered 400 before anything reads it: a
 * Problem Detail for the API, the error page for a browser. Runs right after the character-encoding filter
 * (which must decode the parameters first) and before Spring Security.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ControlCharacterFilter extends OncePerRequestFilter {

	static final String CODE = "problem.controlCharacter";

	private final Problems problems;

	private final ProblemResponses responses;

	private final LocaleResolver locales;

	private final JsonMapper json;

	ControlCharacterFilter(Problems problems, ProblemResponses responses, LocaleResolver localeResolver,
			JsonMapper json) {
		this.problems = problems;
		this.responses = responses;
		this.locales = localeResolver;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!carriesControlCharacters(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (responses.isApi(request)) {
			Locale locale = locales.resolveLocale(request);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			json.writeValue(response.getOutputStream(), ProblemResponses.flat(problems.of(HttpStatus.BAD_REQUEST, CODE, locale)));
			return;
		}
		request.setAttribute(ErrorPages.CODE, CODE);
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}

	private static boolean carriesControlCharacters(HttpServletRequest request) {
		if (controls(decoded(request.getRequestURI()))) {
			return true;
		}
		// A multipart body is parsed later by Spring's resolver, within its size limits; its query string is
		// checked here, its file contents are the import's business.
		if (isMultipart(request)) {
			return controls(decoded(request.getQueryString()));
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (controls(parameter.getKey())) {
				return true;
			}
			for (String value : parameter.getValue()) {
				if (controls(value)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	private static String decoded(String text) {
		if (text == null) {
			return "";
		}
		try {
			return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return text;
		}
	}

	static boolean controls(String text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				return true;
			}
		}
		return false;
	}
}
