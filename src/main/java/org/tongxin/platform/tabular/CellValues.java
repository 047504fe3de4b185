package org.tongxin.platform.tabular;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Cleaning of the values people type into spreadsheets: full-width characters, spaces and dashes in
 * numbers, many ways of writing a date, Excel's serial dates, and IDs that Excel has already turned
 * into floating-point numbers (those cannot be recovered and are reported as such).
 */
public final class CellValues {

	/** A cleaned value, or the reason (a message key, "tabular.*") it cannot be used. */
	public sealed interface Cleaned<T> {

		record Ok<T>(@Nullable T value) implements Cleaned<T> {
		}

		record Invalid<T>(String reason) implements Cleaned<T> {
		}

		static <T> Cleaned<T> ok(@Nullable T value) {
			return new Ok<>(value);
		}

		static <T> Cleaned<T> invalid(String reason) {
			return new Invalid<>(reason);
		}
	}

	private static final Pattern SCIENTIFIC = Pattern.compile("^\\d(\\.\\d+)?[eE]\\+?\\d+$");

	private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");

	private static final Pattern Y_M_D = Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$");

	private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");

	private static final Pattern Y_M = Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?$");

	private static final Pattern SERIAL = Pattern.compile("^(\\d{1,5})(\\.0+)?$");

	/** Excel's day 0 in the 1900 date system, as Excel counts after its 1900 leap-year bug. */
	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private CellValues() {
	}

	/** Full-width ASCII (０-９, Ａ-Ｚ, －, （…) to half-width, ideographic space to space, trimmed. */
	public static String halfWidth(@Nullable String raw) {
		if (raw == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(raw.length());
		for (char c : raw.toCharArray()) {
			if (c >= '\uFF01' && c <= '\uFF5E') {
				out.append((char) (c - 0xFEE0));
			}
			else if (c == '\u3000' || c == '\u00A0') {
				out.append(' ');
			}
			else if (c != '\u200B' && c != '\uFEFF') {
				out.append(c);
			}
		}
		return out.toString().strip();
	}

	/** A mainland mobile number: 11 digits starting 1[3-9], after removing spaces, dashes and +86. */
	public static Cleaned<String> mobile(@Nullable String raw) {
		String value = halfWidth(raw).replaceAll("[\\s\\-()（）]", "");
		if (value.isEmpty()) {
			return Cleaned.ok(null);
		}
		if (SCIENTIFIC.matcher(value).matches()) {
			return Cleaned.invalid("tabular.mobile.scientific");
		}
		value = value.replaceFirst("^(\\+?0{0,2}86)(?=1\\d{10}$)", "");
		return MOBILE.matcher(value).matches() ? Cleaned.ok(value) : Cleaned.invalid("tabular.mobile.format");
	}

	/**
	 * An ID number's characters: spaces and dashes removed, lower-case x raised. The checksum is the
	 * caller's to check; an ID Excel stored as a number (1.10105E+17) has lost digits for good.
	 */
	public static Cleaned<String> idNumber(@Nullable String raw) {
		String value = halfWidth(raw).replaceAll("[\\s\\-]", "");
		if (value.isEmpty()) {
			return Cleaned.ok(null);
		}
		if (SCIENTIFIC.matcher(value).matches()) {
			return Cleaned.invalid("tabular.id.scientific");
		}
		value = value.toUpperCase();
		return value.matches("^(\\d{17}[\\dX]|\\d{15})$") ? Cleaned.ok(value) : Cleaned.invalid("tabular.id.format");
	}

	/**
	 * A date written as 1985-03-05, 1985/3/5, 1985.3.5, 1985年3月5日, 19850305, 1985.3 (month only: the
	 * first of the month), or an Excel serial number such as 31111.
	 */
	public static Cleaned<LocalDate> date(@Nullable String raw) {
		String value = halfWidth(raw).replaceFirst("\\s+0{1,2}:0{2}(:0{2})?$", "");
		if (value.isEmpty()) {
			return Cleaned.ok(null);
		}
		try {
			Matcher m = Y_M_D.matcher(value);
			if (m.matches()) {
				return plausible(LocalDate.of(num(m, 1), num(m, 2), num(m, 3)));
			}
			m = COMPACT.matcher(value);
			if (m.matches()) {
				return plausible(LocalDate.of(num(m, 1), num(m, 2), num(m, 3)));
			}
			m = Y_M.matcher(value);
			if (m.matches()) {
				return plausible(LocalDate.of(num(m, 1), num(m, 2), 1));
			}
			m = SERIAL.matcher(value);
			if (m.matches()) {
				int serial = num(m, 1);
				// 1 … 73050 is 1900-01-01 … 2099-12-31; smaller numbers are not dates anyone means.
				return serial >= 367 && serial <= 73050 ? plausible(EXCEL_EPOCH.plusDays(serial))
						: Cleaned.invalid("tabular.date.format");
			}
		}
		catch (DateTimeException e) {
			return Cleaned.invalid("tabular.date.impossible");
		}
		return Cleaned.invalid("tabular.date.format");
	}

	private static Cleaned<LocalDate> plausible(LocalDate date) {
		return date.getYear() < 1900 || date.getYear() > 2099 ? Cleaned.invalid("tabular.date.range") : Cleaned.ok(date);
	}

	private static int num(Matcher m, int group) {
		return Integer.parseInt(m.group(group));
	}
}
