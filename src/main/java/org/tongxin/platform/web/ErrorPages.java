package org.tongxin.platform.web;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.tongxin.platform.Problems;

/**
 * Errors that never reached a controller — a filter's 400, Spring Security's 403, a 404 of an unknown path, an
 * upload the container refused — arrive here through the container's error dispatch and are answered in the
 * same shape as {@link ProblemAdvice}'s: a Problem Detail for the API, the error page for a browser. Replaces
 * Spring Boot's BasicErrorController, whose JSON has another shape.
 */
@Controller
class ErrorPages implements ErrorController {

	/** A message key a filter leaves on the request before {@code sendError}, for a more precise detail. */
	static final String CODE = ErrorPages.class.getName() + ".code";

	private final Problems problems;

	private final ProblemResponses responses;

	ErrorPages(Problems problems, ProblemResponses responses) {
		this.problems = problems;
		this.responses = responses;
	}

	@RequestMapping("${server.error.path:/error}")
	Object error(HttpServletRequest request, Locale locale) {
		ProblemDetail problem = request.getAttribute(ProblemResponses.PROBLEM) instanceof ProblemDetail handled ? handled
				: problem(request, locale);
		if (responses.isApi(request)) {
			return ResponseEntity.status(problem.getStatus())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		return responses.page(problem);
	}

	private ProblemDetail problem(HttpServletRequest request, Locale locale) {
		HttpStatusCode status = status(request);
		Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (exception instanceof Throwable e && databaseUnreachable(e)) {
			// A filter (the session's account check) could not reach the database: not a bug, a 503.
			return problems.of(HttpStatus.SERVICE_UNAVAILABLE, "problem.unavailable", locale);
		}
		if (status.is5xxServerError() && status.value() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
			String reference = responses.logUnexpected(exception instanceof Throwable e ? e
					: new IllegalStateException("status " + status.value() + " without an exception"), request);
			ProblemDetail problem = problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL,
					new Object[] { reference }, locale);
			problem.setProperty("correlationId", reference);
			return problem;
		}
		String code = request.getAttribute(CODE) instanceof String key ? key : Problems.general(status);
		return problems.of(status, code, locale);
	}

	private static boolean databaseUnreachable(Throwable failure) {
		for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
			if (e instanceof org.springframework.dao.DataAccessResourceFailureException
					|| e instanceof org.springframework.transaction.CannotCreateTransactionException
					|| e instanceof java.sql.SQLTransientConnectionException
					|| e instanceof java.sql.SQLNonTransientConnectionException) {
				return true;
			}
		}
		return false;
	}

	private static HttpStatusCode status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value && value >= 400 && value < 600) {
			return HttpStatusCode.valueOf(value);
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}
}
