package org.tongxin.activities;

import java.util.Map;

/** Input that passed bean validation but not the rules of activities: field → message key. */
public class InvalidActivity extends RuntimeException {

	private final Map<String, String> errors;

	public InvalidActivity(Map<String, String> errors) {
		super("invalid " + errors);
		this.errors = errors;
	}

	public Map<String, String> errors() {
		return errors;
	}
}
