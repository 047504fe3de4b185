package org.tongxin.activities;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A registration the rules do not allow; {@code reason} is a message key, {@code args} its arguments. */
@ResponseStatus(HttpStatus.CONFLICT)
public class RegistrationRefused extends RuntimeException {

	private final String reason;

	private final Object[] args;

	public RegistrationRefused(String reason, Object... args) {
		super(reason);
		this.reason = reason;
		this.args = args;
	}

	public String reason() {
		return reason;
	}

	public Object[] args() {
		return args;
	}
}
