package org.tongxin.platform;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;

/**
 * A request Tongxin declines to carry out, and the message that says why. Modules throw one of its three kinds,
 * {@link Refused} (400: input a rule refuses), {@link NotFound} (404: missing, or outside the caller's scope —
 * the two are not told apart) and {@link Conflict} (409: the current state forbids it, see also
 * {@link ConcurrentChange}), and need no advice of their own: the platform's one advice answers every refusal
 * with a Problem Detail ({@link Problems}) on the API and the error page elsewhere.
 *
 * <p>{@code code} is a message key: the problem's {@code code} and, resolved with {@code arguments}, its
 * {@code detail} in the caller's language. Arguments that are themselves {@code MessageSourceResolvable}s (a
 * target group, say) are resolved in the same language. The exception's own message, which reaches the logs, is
 * the code: never a personal value.
 */
public abstract class Refusal extends RuntimeException {

	private final HttpStatusCode status;

	private final String code;

	private final transient Object[] arguments;

	protected Refusal(HttpStatusCode status, String code, Object... arguments) {
		super(code, null, false, false);
		this.status = status;
		this.code = code;
		this.arguments = arguments.clone();
	}

	public HttpStatusCode status() {
		return status;
	}

	/** The message key: the problem's {@code code}. */
	public String key() {
		return code;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	/** The message key of the detail; the code unless a kind says more in its detail than its code names. */
	public String detailKey() {
		return code;
	}

	/** Rejected fields: field name → message key of the rule it broke (empty: the request as a whole). */
	public Map<String, String> fields() {
		return Map.of();
	}

	/** Further members of the problem for clients that act on them (the survivor of a merge, say). */
	public Map<String, Object> properties() {
		return Map.of();
	}

	/** When the same request may succeed again, for {@code Retry-After}; null when waiting does not help. */
	public @Nullable Duration retryAfter() {
		return null;
	}
}
