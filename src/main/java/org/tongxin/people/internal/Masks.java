package org.tongxin.people.internal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * How sensitive values look until someone reveals them. The masks are chosen together with what else a
 * viewer without people:reveal sees of the same person (docs/decisions/0004-masks-that-stay-masks.md):
 * the ID number must stay hidden among at least {@link #MIN_CANDIDATES} numbers however the views are
 * combined.
 */
public final class Masks {

	/** Everything a viewer without people:reveal sees of a person leaves at least this many ID numbers. */
	public static final long MIN_CANDIDATES = 1_000_000;

	/**
	 * Sequence numbers (the 15th–17th digits) consistent with a known sex: the 17th digit's parity is the
	 * sex, which the registry shows, so 500 of the 1000 remain.
	 */
	static final int SEQUENCES_PER_SEX = 500;

	/** The ID mask for everyone without people:reveal: that a number is on file, not one digit of it. */
	public static final String ID_NUMBER = "*".repeat(18);

	private Masks() {
	}

	/**
	 * "******************". With the region (first six digits) assumed known to the viewer and the sex shown,
	 * only the birth date and the sequence number are unknown; any digit of the tail shown would divide the
	 * candidates by ten (or eleven for the check character), and the birth date is then narrowed to a
	 * decade at best ({@link #birthDecade}), which leaves 3 652 × 500 = 1 826 000 numbers. A tail of even
	 * one character would leave 166 000.
	 */
	public static @Nullable String idNumber(@Nullable String value) {
		return value == null ? null : ID_NUMBER;
	}

	/** "138****5678": 10 000 numbers; the phone number is not derived from anything else the registry shows. */
	public static @Nullable String phone(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return value.length() < 7 ? "*".repeat(value.length()) : value.substring(0, 3) + "****" + value.substring(value.length() - 4);
	}

	/**
	 * "z***@example.com": the first character of the local part and the domain, which is mostly a provider
	 * everybody uses.
	 */
	public static @Nullable String email(@Nullable String value) {
		if (value == null) {
			return null;
		}
		int at = value.lastIndexOf('@');
		return at < 1 ? "***" : value.charAt(0) + "***" + value.substring(at);
	}

	/**
	 * "成都市锦江区****": the address down to the city or district (the level the owning unit already shows),
	 * the street and number hidden.
	 */
	public static @Nullable String address(@Nullable String value) {
		if (value == null) {
			return null;
		}
		int keep = 0;
		for (int i = 0; i < Math.min(value.length(), 16); i++) {
			if ("省市区县州旗盟".indexOf(value.charAt(i)) >= 0) {
				keep = i + 1;
			}
		}
		return value.substring(0, keep) + "****";
	}

	public static String religion() {
		return "***";
	}

	/**
	 * The decade of birth (1980 for 1980–1989) that a viewer without people:reveal sees instead of the birth
	 * date; null when the decade would narrow the date too far — a decade that has only begun, where the
	 * dates up to {@code today} times the sequence numbers stay under {@link #MIN_CANDIDATES}.
	 * <p>
	 * Neither the age nor the birth year: a year leaves 365 dates × 500 sequence numbers = 182 500 numbers,
	 * and an age shown every day changes on the birthday, which gives the date away to anyone who looks
	 * twice. A decade is fixed and leaves at least 2 000 dates.
	 */
	public static @Nullable Integer birthDecade(@Nullable LocalDate birthDate, LocalDate today) {
		if (birthDate == null) {
			return null;
		}
		int decade = birthDate.getYear() / 10 * 10;
		LocalDate first = LocalDate.of(decade, 1, 1);
		LocalDate last = LocalDate.of(decade + 9, 12, 31);
		LocalDate end = today.isBefore(last) ? today : last;
		long dates = java.time.temporal.ChronoUnit.DAYS.between(first, end) + 1;
		return dates * SEQUENCES_PER_SEX >= MIN_CANDIDATES ? decade : null;
	}
}
