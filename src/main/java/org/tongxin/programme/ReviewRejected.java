package org.tongxin.programme;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Input or an action that a review or case rule refuses; {@code key} names the message (zh-CN / en)
 * that tells the user why.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class ReviewRejected extends RuntimeException {

	private final String key;

	private final transient Object[] arguments;

	public ReviewRejected(String key, Object... arguments) {
		super(key);
		this.key = key;
		this.arguments = arguments;
	}

	public String key() {
		return key;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
