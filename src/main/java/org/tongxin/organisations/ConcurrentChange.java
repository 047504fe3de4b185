package org.tongxin.organisations;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.CONFLICT)
public class ConcurrentChange extends RuntimeException {

	public ConcurrentChange(String what) {
		super(what + " was changed by someone else");
	}
}
