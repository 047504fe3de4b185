package org.tongxin.people.internal;

import org.jspecify.annotations.Nullable;

/** How sensitive values look until someone reveals them. */
public final class Masks {

	private Masks() {
	}

	/** "110105********002X": the area code stays (it is the place, already known), the rest is hidden. */
	public static @Nullable String idNumber(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return value.length() < 10 ? "*".repeat(value.length()) : value.substring(0, 6) + "********" + value.substring(value.length() - 4);
	}

	/** "138****5678". */
	public static @Nullable String phone(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return value.length() < 7 ? "*".repeat(value.length()) : value.substring(0, 3) + "****" + value.substring(value.length() - 4);
	}

	public static String religion() {
		return "***";
	}
}
