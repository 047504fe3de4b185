package org.tongxin.platform;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The one shape of every error Tongxin answers (RFC 9457 Problem Details): {@code type}, {@code title},
 * {@code status}, {@code detail} in the caller's language, a stable {@code code} (a message key) and, for
 * rejected input, {@code errors[]} with one entry per field. Modules build their problems here, so an API
 * client reads every module's errors the same way. The detail is always one of our messages, never the text of
 * an exception.
 */
@Component
public class Problems {

	/** Prefix of {@code type}: the URN names the problem by its code. */
	public static final String TYPE = "urn:tongxin:problem:";

	public static final String BAD_REQUEST = "problem.badRequest";

	public static final String INVALID = "problem.invalid";

	public static final String NOT_FOUND = "problem.notFound";

	public static final String FORBIDDEN = "problem.forbidden";

	public static final String CONFLICT = "problem.conflict";

	public static final String INTERNAL = "problem.internal";

	/** One rejected field: its name, the message key of the rule it broke and that message. */
	public record FieldProblem(String field, String code, String detail) {
	}

	private final MessageSource messages;

	public Problems(MessageSource messages) {
		this.messages = messages;
	}

	/** The problem named by {@code code} (a message key, resolved with {@code arguments}). */
	public ProblemDetail of(HttpStatusCode status, String code, Object @Nullable [] arguments, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(TYPE + code));
		problem.setTitle(title(status, locale));
		problem.setDetail(text(code, arguments, status, locale));
		problem.setProperty("code", code);
		return problem;
	}

	public ProblemDetail of(HttpStatusCode status, String code, Locale locale) {
		return of(status, code, null, locale);
	}

	/**
	 * Rejected input: 400 with one entry per field; {@code fieldCodes} maps each field to the message key of the
	 * rule it broke.
	 */
	public ProblemDetail invalid(Map<String, String> fieldCodes, Locale locale) {
		return withErrors(of(HttpStatus.BAD_REQUEST, INVALID, locale), fieldCodes.entrySet()
			.stream()
			.map(e -> new FieldProblem(e.getKey(), e.getValue(), text(e.getValue(), null, HttpStatus.BAD_REQUEST, locale)))
			.toList());
	}

	public ProblemDetail withErrors(ProblemDetail problem, List<FieldProblem> errors) {
		problem.setProperty("errors", errors);
		return problem;
	}

	/** The message of {@code code}; the status's general message when the key is unknown, never the key itself. */
	public String text(String code, Object @Nullable [] arguments, HttpStatusCode status, Locale locale) {
		String text = messages.getMessage(code, arguments, null, locale);
		if (text != null) {
			return text;
		}
		return messages.getMessage(general(status), new Object[] { status.value() }, locale);
	}

	/** The message key for a status when nothing more precise is known. */
	public static String general(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> BAD_REQUEST;
			case 401 -> "problem.unauthorized";
			case 403 -> FORBIDDEN;
			case 404, 410 -> NOT_FOUND;
			case 405 -> "problem.methodNotAllowed";
			case 406 -> "problem.notAcceptable";
			case 409 -> CONFLICT;
			case 413 -> "problem.payloadTooLarge";
			case 415 -> "problem.unsupportedMediaType";
			case 429 -> "problem.tooManyRequests";
			case 503 -> "problem.unavailable";
			default -> status.is5xxServerError() ? INTERNAL : "problem.generic";
		};
	}

	private String title(HttpStatusCode status, Locale locale) {
		HttpStatus known = HttpStatus.resolve(status.value());
		String fallback = known == null ? String.valueOf(status.value()) : known.getReasonPhrase();
		return messages.getMessage("problem.title." + status.value(), null, fallback, locale);
	}
}
