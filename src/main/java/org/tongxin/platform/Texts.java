package org.tongxin.platform;

import org.jspecify.annotations.Nullable;

/** Small rules for text that forms and filters hand over. */
public final class Texts {

	private Texts() {
	}

	/** The text, or "" for none: for spreadsheet cells and other places that take no null. */
	public static String orEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}

	/** What a user typed, stripped; null when they typed nothing but blanks, so SQL sees "no value". */
	public static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
