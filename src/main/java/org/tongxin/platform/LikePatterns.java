package org.tongxin.platform;

import org.jspecify.annotations.Nullable;

/**
 * LIKE patterns from what users type: their {@code %}, {@code _} and backslash match only themselves, so
 * a search for "100%" finds "100%", not everything. Bind the pattern; never concatenate it into SQL.
 */
public final class LikePatterns {

	private LikePatterns() {
	}

	/** The text with PostgreSQL's default LIKE escape character ({@code \}) before every wildcard. */
	public static String escaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** A pattern matching the text anywhere; null for null, so {@code cast(:p as text) is null} still works. */
	public static @Nullable String containing(@Nullable String text) {
		return text == null ? null : "%" + escaped(text) + "%";
	}

	/** A pattern matching values that start with the text. */
	public static String startingWith(String text) {
		return escaped(text) + "%";
	}
}
