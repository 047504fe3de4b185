package org.tongxin.activities;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The series, event or registration does not exist or lies outside the caller's scope: not told apart. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ActivityNotFound extends RuntimeException {

	public ActivityNotFound(String what, Object id) {
		super(what + " " + id + " not found");
	}
}
