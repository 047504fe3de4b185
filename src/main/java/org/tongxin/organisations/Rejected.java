package org.tongxin.organisations;

import org.jspecify.annotations.Nullable;

/**
 * A rule of this module refused the input. {@code field} names the form field it concerns (null: the whole
 * form), {@code key} the message to show.
 */
public class Rejected extends RuntimeException {

	private final @Nullable String field;

	private final String key;

	public Rejected(@Nullable String field, String key) {
		super(key);
		this.field = field;
		this.key = key;
	}

	public @Nullable String field() {
		return field;
	}

	public String key() {
		return key;
	}
}
