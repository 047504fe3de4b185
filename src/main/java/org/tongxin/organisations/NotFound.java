package org.tongxin.organisations;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The object does not exist or lies outside the caller's scope: the two are not told apart. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

	public NotFound(String what) {
		super(what + " not found");
	}
}
