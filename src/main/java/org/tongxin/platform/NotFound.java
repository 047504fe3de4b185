package org.tongxin.platform;

import org.springframework.http.HttpStatus;

/**
 * What was asked for does not exist or lies outside the caller's data scope (404). The two are never told
 * apart, so that a guessed id learns nothing. {@code what} names the kind of thing for the log only.
 */
public class NotFound extends Refusal {

	private final String what;

	public NotFound(String what) {
		super(HttpStatus.NOT_FOUND, Problems.NOT_FOUND);
		this.what = what;
	}

	public NotFound(String what, Object id) {
		this(what + " " + id);
	}

	@Override
	public String getMessage() {
		return what + " not found";
	}
}
