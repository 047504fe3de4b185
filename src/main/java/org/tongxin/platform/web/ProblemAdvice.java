package org.tongxin.platform.web;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedRuntimeException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.tongxin.platform.Problems.FieldProblem;
import org.tongxin.platform.Problems;
import org.tongxin.platform.Refusal;
import org.tongxin.platform.exports.ExportPoolBusyException;

/**
 * The last word on every exception a controller lets out, for the API and the pages alike: one Problem Detail
 * (see {@link Problems}), sent as {@code application/problem+json} under {@code /api/**} and as the error page
 * elsewhere. Modules throw a {@link Refusal} and have no advice of their own: everything lands here. Bad input is a 400 that names the parameter, an unreachable database a 503, and anything
 * unforeseen a 500 whose detail is only a reference to the log line that holds the exception.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemAdvice {

	private final Problems problems;

	private final ProblemResponses responses;

	ProblemAdvice(Problems problems, ProblemResponses responses) {
		this.problems = problems;
		this.responses = responses;
	}

	/**
	 * A module declined the request ({@link Refusal}: refused input, not found, conflict): its status, its code
	 * and detail in the caller's language, its fields as {@code errors[]} and any further members. This is the
	 * only place a module's refusal becomes an answer; modules have no advice of their own.
	 */
	@ExceptionHandler(Refusal.class)
	Object refused(Refusal e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		ProblemDetail problem = problems.of(e.status(), e.key(), e.arguments(), locale);
		if (!e.detailKey().equals(e.key())) {
			problem.setDetail(problems.text(e.detailKey(), e.arguments(), e.status(), locale));
		}
		if (!e.fields().isEmpty()) {
			problems.withErrors(problem, e.fields()
				.entrySet()
				.stream()
				.map(field -> new FieldProblem(field.getKey(), field.getValue(),
						problems.text(field.getValue(), e.arguments(), e.status(), locale)))
				.toList());
		}
		e.properties().forEach(problem::setProperty);
		HttpHeaders headers = null;
		if (e.retryAfter() != null) {
			headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
		}
		return responses.respond(request, response, problem, headers);
	}

	@ExceptionHandler(TypeMismatchException.class)
	Object typeMismatch(TypeMismatchException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
		return responses.respond(request, response, problems.of(HttpStatus.BAD_REQUEST, "problem.parameterType",
				new Object[] { name == null ? "" : name }, locale), null);
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
			MissingRequestValueException.class })
	Object missing(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		if (e instanceof MissingPathVariableException) {
			return unexpected(e, request, response, locale);
		}
		String name = switch (e) {
			case MissingServletRequestParameterException p -> p.getParameterName();
			case MissingServletRequestPartException p -> p.getRequestPartName();
			default -> "";
		};
		return responses.respond(request, response,
				problems.of(HttpStatus.BAD_REQUEST, "problem.parameterMissing", new Object[] { name }, locale), null);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return responses.respond(request, response, problems.of(HttpStatus.BAD_REQUEST, "problem.unreadableBody", locale), null);
	}

	/** Binding of a form or a filter object failed (BindException, MethodArgumentNotValidException): per field. */
	@ExceptionHandler(BindException.class)
	Object invalid(BindException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		List<FieldProblem> errors = new ArrayList<>();
		for (ObjectError error : e.getAllErrors()) {
			errors.add(fieldProblem(error, locale));
		}
		return responses.respond(request, response,
				problems.withErrors(problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID, locale), errors), null);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	Object invalidArguments(HandlerMethodValidationException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		List<FieldProblem> errors = new ArrayList<>();
		e.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors().forEach(error -> errors.add(new FieldProblem(name == null ? "" : name,
					code(error.getCodes()), responses.message(error, locale))));
		});
		return responses.respond(request, response,
				problems.withErrors(problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID, locale), errors), null);
	}

	/** Input the code refused by the rules of Java: a number or date that does not parse, a value out of range. */
	@ExceptionHandler({ IllegalArgumentException.class, DateTimeException.class })
	Object badRequest(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return responses.respond(request, response, problems.of(HttpStatus.BAD_REQUEST, Problems.BAD_REQUEST, locale), null);
	}

	/**
	 * On the API a missing permission or a unit outside the scope is a 403 problem. Pages leave it to Spring
	 * Security (rethrown), which sends an anonymous visitor to the sign-in page and anyone else to the 403 page.
	 */
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	Object denied(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		if (!responses.isApi(request) || e instanceof AuthenticationException) {
			throw e;
		}
		return responses.respond(request, response, problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, locale), null);
	}

	@ExceptionHandler({ MaxUploadSizeExceededException.class })
	Object tooLarge(MultipartException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return responses.respond(request, response, problems.of(HttpStatus.CONTENT_TOO_LARGE, "problem.payloadTooLarge", locale),
				null);
	}

	/** A form without its file, or not multipart at all. */
	@ExceptionHandler(MultipartException.class)
	Object notMultipart(MultipartException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return responses.respond(request, response, problems.of(HttpStatus.BAD_REQUEST, Problems.BAD_REQUEST, locale),
				null);
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			TransientDataAccessResourceException.class })
	Object unavailable(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "30");
		if (e instanceof NestedRuntimeException nested && nested.contains(ExportPoolBusyException.class)) {
			responses.logExportsBusy(request);
			// Too many exports at once, not a fault. The export may already have set its download headers: the
			// answer is shown as a page (or read as a problem), not saved as the file.
			if (!response.isCommitted()) {
				response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline");
			}
			return responses.respond(request, response,
					problems.of(HttpStatus.SERVICE_UNAVAILABLE, "problem.exportsBusy", locale), headers);
		}
		responses.logUnavailable(e, request);
		return responses.respond(request, response, problems.of(HttpStatus.SERVICE_UNAVAILABLE, "problem.unavailable", locale),
				headers);
	}

	/** The client went away while the answer was written: nothing to answer. */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	@Nullable
	Object gone(AsyncRequestNotUsableException e) {
		return null;
	}

	/**
	 * Spring's own exceptions (405, 404 of a resource, 415, a ResponseStatusException with 429 from a rate
	 * limit…) and exceptions marked {@link ResponseStatus} keep their status; anything else is a 500.
	 */
	@ExceptionHandler(Exception.class)
	Object other(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		if (e instanceof ErrorResponse spring) {
			HttpStatusCode status = spring.getStatusCode();
			if (status.is5xxServerError()) {
				return unexpected(e, request, response, locale);
			}
			String code = e instanceof ResponseStatusException rse ? known(rse.getReason(), locale) : null;
			if (e instanceof HttpRequestMethodNotSupportedException) {
				code = "problem.methodNotAllowed";
			}
			return responses.respond(request, response,
					problems.of(status, code == null ? Problems.general(status) : code, locale), spring.getHeaders());
		}
		ResponseStatus marked = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
		if (marked != null && !marked.code().is5xxServerError()) {
			String code = known(marked.reason(), locale);
			return responses.respond(request, response, problems.of(marked.code(),
					code == null ? Problems.general(marked.code()) : code, locale), null);
		}
		return unexpected(e, request, response, locale);
	}

	private Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		String reference = responses.logUnexpected(e, request);
		ProblemDetail problem = problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL,
				new Object[] { reference }, locale);
		problem.setProperty("correlationId", reference);
		return responses.respond(request, response, problem, null);
	}

	/** The reason when it is one of our message keys, so that a module's 429 or 409 keeps its own words. */
	private @Nullable String known(@Nullable String reason, Locale locale) {
		return reason != null && !reason.isBlank() && responses.hasMessage(reason, locale) ? reason : null;
	}

	private FieldProblem fieldProblem(ObjectError error, Locale locale) {
		String field = error instanceof FieldError f ? f.getField() : error.getObjectName();
		if (error instanceof FieldError f && f.isBindingFailure()) {
			// Spring's text for a failed conversion names Java types; say which parameter instead.
			return new FieldProblem(field, "problem.parameterType",
					problems.text("problem.parameterType", new Object[] { field }, HttpStatus.BAD_REQUEST, locale));
		}
		return new FieldProblem(field, code(error.getCodes()), responses.message(error, locale));
	}

	private static String code(String @Nullable [] codes) {
		return codes == null || codes.length == 0 ? Problems.INVALID : codes[codes.length - 1];
	}
}
