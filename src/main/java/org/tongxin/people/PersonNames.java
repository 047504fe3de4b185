package org.tongxin.people;

import java.util.regex.Pattern;

/**
 * A person's name as the registry keeps and searches it. Chinese names are written without spaces, but they
 * arrive with them: typed as 司马 云帆 to separate surname and given name, padded with a full-width space in
 * a spreadsheet. A space between two Chinese characters is dropped, so that 司马云帆 finds the person and a
 * duplicate is recognised; other runs of whitespace become one space (Anna Li stays Anna Li). The migration
 * V103 applies the same rule, as the SQL function {@code people_normalised_name}, to the names stored before.
 */
public final class PersonNames {

	/**
	 * Whitespace, the full-width space (U+3000) included, between two Chinese characters (CJK Unified
	 * Ideographs and Extension A: the ranges the SQL function uses too).
	 */
	private static final Pattern BETWEEN_HAN = Pattern
		.compile("(?<=[\\u3400-\\u4dbf\\u4e00-\\u9fff])[\\s\\u3000]+(?=[\\u3400-\\u4dbf\\u4e00-\\u9fff])");

	private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000]+");

	private PersonNames() {
	}

	public static String normalise(String name) {
		String joined = BETWEEN_HAN.matcher(name).replaceAll("");
		return WHITESPACE.matcher(joined).replaceAll(" ").strip();
	}
}
