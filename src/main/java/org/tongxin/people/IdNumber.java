package org.tongxin.people;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A resident identity card number per GB 11643-1999: six digits of area, eight of birth date, three of
 * sequence (odd for men) and a check character (ISO 7064 MOD 11-2, "X" for ten). Legacy 15-digit numbers
 * (two-digit year born in the 1900s, no check character) are converted to 18 digits.
 */
public record IdNumber(String value) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	/**
	 * A value object's validity cannot depend on the application's clock (parse is static and runs everywhere),
	 * so "not born in the future" is checked against the latest date on earth right now: it never rejects a
	 * real birth date, whatever zone the server or {@code tongxin.time-zone} is in.
	 */
	private static final java.time.ZoneOffset LATEST_ZONE = java.time.ZoneOffset.MAX;

	public IdNumber {
		if (!valid(value)) {
			throw new IllegalArgumentException("not a valid ID number");
		}
	}

	/**
	 * Reads what a user typed: trims, upper-cases a trailing x and converts a 15-digit number; empty when
	 * the result is not a valid 18-digit number.
	 */
	public static Optional<IdNumber> parse(String raw) {
		String text = raw.strip().toUpperCase(java.util.Locale.ROOT);
		if (text.length() == 15 && text.chars().allMatch(Character::isDigit)) {
			text = fromLegacy(text);
		}
		return valid(text) ? Optional.of(new IdNumber(text)) : Optional.empty();
	}

	/** A number for the given area, birth date and sequence (0–999), with its check character. */
	public static IdNumber of(String areaCode, LocalDate birthDate, int sequence) {
		String first17 = areaCode + String.format("%04d%02d%02d%03d", birthDate.getYear(), birthDate.getMonthValue(),
				birthDate.getDayOfMonth(), sequence);
		return new IdNumber(first17 + checkCharacter(first17));
	}

	/** The check character of the first 17 digits. */
	public static char checkCharacter(CharSequence first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	public static boolean valid(String text) {
		if (text.length() != 18) {
			return false;
		}
		for (int i = 0; i < 17; i++) {
			if (!Character.isDigit(text.charAt(i)) || text.charAt(i) > '9') {
				return false;
			}
		}
		if (text.charAt(0) == '0' || checkCharacter(text) != text.charAt(17)) {
			return false;
		}
		LocalDate birth = birthDateOf(text);
		return birth != null && !birth.isBefore(EARLIEST) && !birth.isAfter(LocalDate.now(LATEST_ZONE));
	}

	public String areaCode() {
		return value.substring(0, 6);
	}

	public LocalDate birthDate() {
		LocalDate birth = birthDateOf(value);
		if (birth == null) {
			throw new IllegalStateException("validated on construction");
		}
		return birth;
	}

	public Sex sex() {
		return (value.charAt(16) - '0') % 2 == 1 ? Sex.M : Sex.F;
	}

	/** The mask shown to anyone without people:reveal: nothing of the number (see Masks). */
	public String masked() {
		return org.tongxin.people.internal.Masks.ID_NUMBER;
	}

	@Override
	public String toString() {
		return masked();
	}

	private static String fromLegacy(String fifteen) {
		String first17 = fifteen.substring(0, 6) + "19" + fifteen.substring(6);
		return first17 + checkCharacter(first17);
	}

	private static @org.jspecify.annotations.Nullable LocalDate birthDateOf(String text) {
		try {
			return LocalDate.of(Integer.parseInt(text.substring(6, 10)), Integer.parseInt(text.substring(10, 12)),
					Integer.parseInt(text.substring(12, 14)));
		}
		catch (DateTimeException | NumberFormatException e) {
			return null;
		}
	}
}
