package org.tongxin.platform.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Sends a problem the way the caller reads it: {@code application/problem+json} to API clients, the error page
 * to a browser. Also keeps the log side of errors: an unexpected exception is logged once with a short random
 * reference, which the user sees and can quote.
 */
@Component
class ProblemResponses {

	static final String ERROR_VIEW = "error";

	/** The problem of a page's error, handed from the advice to the error dispatch. */
	static final String PROBLEM = ProblemResponses.class.getName() + ".problem";

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MessageSource messages;

	ProblemResponses(MessageSource messages) {
		this.messages = messages;
	}

	/** The JSON API (and its documentation) answers problems as JSON; so does any client that asks for no HTML. */
	boolean isApi(HttpServletRequest request) {
		String path = path(request);
		if (path.startsWith("/api/") || path.startsWith("/v3/api-docs")) {
			return true;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("json") && !accept.contains("text/html");
	}

	Object respond(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
			@Nullable HttpHeaders headers) {
		problem.setInstance(null);
		if (isApi(request)) {
			return ResponseEntity.status(problem.getStatus())
				.headers(headers)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		// The page is rendered by the error dispatch (ErrorPages), where the shell's model (menu, language links)
		// is in place, from the problem left on the request.
		request.setAttribute(PROBLEM, problem);
		try {
			response.sendError(problem.getStatus());
		}
		catch (java.io.IOException | IllegalStateException e) {
			// Already committed (a download that failed halfway): the client sees a cut-off response.
		}
		return new ModelAndView();
	}

	/** The error page of a problem. */
	ModelAndView page(ProblemDetail problem) {
		ModelAndView page = new ModelAndView(ERROR_VIEW);
		page.setStatus(HttpStatus.valueOf(problem.getStatus()));
		page.addObject("status", problem.getStatus());
		page.addObject("problem", problem);
		page.addObject("detail", problem.getDetail());
		if (problem.getProperties() != null && problem.getProperties().get("correlationId") != null) {
			page.addObject("correlationId", problem.getProperties().get("correlationId"));
		}
		return page;
	}

	/** Logs an exception nobody foresaw, with the stack trace, under a new reference that is shown to the user. */
	String logUnexpected(Throwable e, HttpServletRequest request) {
		String reference = HexFormat.of().formatHex(bytes());
		log.error("Unexpected error [{}] on {} {}", reference, request.getMethod(), path(request), e);
		return reference;
	}

	void logUnavailable(Throwable e, HttpServletRequest request) {
		log.warn("Database unavailable on {} {}: {}", request.getMethod(), path(request), e.getClass().getName());
	}

	/** Not a fault, but a sign that tongxin.exports.pool-size may be too small for the load. */
	void logExportsBusy(HttpServletRequest request) {
		log.info("Export refused, every connection of the export pool in use: {} {}", request.getMethod(), path(request));
	}

	String message(MessageSourceResolvable error, Locale locale) {
		try {
			return messages.getMessage(error, locale);
		}
		catch (NoSuchMessageException e) {
			return messages.getMessage(org.tongxin.platform.Problems.INVALID, null, locale);
		}
	}

	boolean hasMessage(String code, Locale locale) {
		return messages.getMessage(code, null, null, locale) != null;
	}

	/** The members of a problem as RFC 9457 lays them out, its extension members beside the standard ones. */
	static java.util.Map<String, Object> flat(ProblemDetail problem) {
		java.util.Map<String, Object> members = new java.util.LinkedHashMap<>();
		members.put("type", problem.getType().toString());
		members.put("title", problem.getTitle());
		members.put("status", problem.getStatus());
		members.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			members.putAll(problem.getProperties());
		}
		return members;
	}

	/** The path asked for: in an error dispatch, the original request's, not "/error". */
	static String path(HttpServletRequest request) {
		Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
		String uri = original instanceof String text ? text : request.getRequestURI();
		String context = request.getContextPath();
		return uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}

	private static byte[] bytes() {
		byte[] bytes = new byte[6];
		RANDOM.nextBytes(bytes);
		return bytes;
	}
}

