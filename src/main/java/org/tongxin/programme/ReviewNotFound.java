package org.tongxin.programme;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A round, assignment or case that does not exist or that the caller may not see: the two are not told apart. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ReviewNotFound extends RuntimeException {

	public ReviewNotFound(String what) {
		super(what + " not found");
	}
}
