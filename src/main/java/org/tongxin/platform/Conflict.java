package org.tongxin.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The request is well formed but the current state of things forbids it (409): a pair already decided, a
 * registration the event no longer admits, consent withdrawn. {@code key} names the message that says why.
 */
public class Conflict extends Refusal {

	public Conflict(String key, Object... arguments) {
		super(HttpStatus.CONFLICT, key, arguments);
	}

	/** For a kind of conflict that has its own status (410 for a person merged away). */
	protected Conflict(HttpStatusCode status, String key, Object... arguments) {
		super(status, key, arguments);
	}
}
