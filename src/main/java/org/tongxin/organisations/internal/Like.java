package org.tongxin.organisations.internal;

/** LIKE patterns from user text: {@code %}, {@code _} and the escape character itself match only themselves. */
final class Like {

	private Like() {
	}

	/** The text with PostgreSQL's default LIKE escape character ({@code \}) before every wildcard. */
	static String escaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
