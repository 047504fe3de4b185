package org.tongxin.people.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.tongxin.people.IdNumber;

/**
 * The rules a person's record obeys, whichever way it comes in: the form and the API
 * ({@link org.tongxin.people.PeopleRegistry}) and the spreadsheet import ({@code RowCleaner}) check the same
 * {@link Entry} here and differ only in the words they use to say what is wrong.
 * <p>
 * What is not here is not a rule of the record but of the way in: reading a spreadsheet cell (a date written
 * 1985年3月5日, a phone with +86), looking a label up in the code dictionaries, the unit's scope, whether an ID
 * number is already registered.
 */
public final class PersonRules {

	public static final int NAME_LENGTH = 50;

	public static final int EMAIL_LENGTH = 100;

	public static final int RELIGION_LENGTH = 50;

	public static final int EMPLOYER_LENGTH = 100;

	public static final int POSITION_LENGTH = 100;

	public static final int ADDRESS_LENGTH = 200;

	public static final int NOTES_LENGTH = 2000;

	public static final int TAG_LENGTH = 20;

	public static final int TAG_COUNT = 20;

	public static final String DEMOCRATIC = "DEMOCRATIC";

	private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern TAG_SEPARATORS = Pattern.compile("[,，、;；\\s]+");

	private PersonRules() {
	}

	/** The fields the rules speak of. */
	public enum Field {
		NAME, SEX, BIRTH_DATE, ID_NUMBER, PHONE, EMAIL, GROUP, SUBGROUP, PARTY, RELIGION, EMPLOYER, POSITION, ADDRESS,
		TAGS, NOTES
	}

	/** What is wrong with a field. */
	public enum Rule {
		/** Must be given. */
		REQUIRED,
		/** Longer than {@link Violation#limit} characters (for tags: a tag too long, or too many tags). */
		TOO_LONG,
		/** Not a value of its kind: an ID number whose checksum or date fails, a phone, an e-mail address. */
		INVALID,
		/** A birth date after today. */
		IN_FUTURE,
		/** A subgroup of another group than the one given. */
		NOT_OF_GROUP,
		/** A democratic party given for someone whose affiliation is not a democratic party. */
		NOT_DEMOCRATIC
	}

	/** One broken rule; {@code limit} is the length a {@link Rule#TOO_LONG} field may have, else 0. */
	public record Violation(Field field, Rule rule, int limit) {

		static Violation of(Field field, Rule rule) {
			return new Violation(field, rule, 0);
		}
	}

	/**
	 * A person's values as entered, trimmed; blanks are null. {@code sex} is M or F; where an ID number is given and
	 * valid it states sex and birth date, and those are what the rules check.
	 */
	public record Entry(@Nullable String name, @Nullable String sex, @Nullable LocalDate birthDate,
			@Nullable String idNumber, @Nullable String phone, @Nullable String email, @Nullable String group,
			@Nullable String subgroup, @Nullable String affiliation, @Nullable String party, @Nullable String religion,
			@Nullable String employer, @Nullable String position, @Nullable String address, @Nullable String notes,
			List<String> tags) {
	}

	/**
	 * The rules {@code entry} breaks, in the order of its fields. {@code groupOfSubgroup} gives the group a
	 * subgroup code belongs to (null when unknown).
	 */
	public static List<Violation> check(Entry entry, LocalDate today, UnaryOperator<@Nullable String> groupOfSubgroup) {
		List<Violation> broken = new ArrayList<>();
		String name = entry.name();
		if (name == null || name.isBlank()) {
			broken.add(Violation.of(Field.NAME, Rule.REQUIRED));
		}
		else {
			longer(broken, Field.NAME, name, NAME_LENGTH);
		}
		IdNumber id = null;
		if (entry.idNumber() != null) {
			id = IdNumber.parse(Objects.requireNonNull(entry.idNumber())).orElse(null);
			if (id == null) {
				broken.add(Violation.of(Field.ID_NUMBER, Rule.INVALID));
			}
		}
		if (id == null && entry.sex() == null && entry.idNumber() == null) {
			broken.add(Violation.of(Field.SEX, Rule.REQUIRED));
		}
		LocalDate birthDate = id == null ? entry.birthDate() : id.birthDate();
		if (birthDate != null && !birthDate.isBefore(today)) {
			broken.add(Violation.of(id == null ? Field.BIRTH_DATE : Field.ID_NUMBER, id == null ? Rule.IN_FUTURE
					: Rule.INVALID));
		}
		if (entry.phone() != null && !MOBILE.matcher(Objects.requireNonNull(entry.phone())).matches()) {
			broken.add(Violation.of(Field.PHONE, Rule.INVALID));
		}
		String email = entry.email();
		if (email != null && (email.length() > EMAIL_LENGTH || !EMAIL.matcher(email).matches())) {
			broken.add(Violation.of(Field.EMAIL, Rule.INVALID));
		}
		if (entry.group() == null) {
			broken.add(Violation.of(Field.GROUP, Rule.REQUIRED));
		}
		else if (entry.subgroup() != null
				&& !Objects.equals(groupOfSubgroup.apply(entry.subgroup()), entry.group())) {
			broken.add(Violation.of(Field.SUBGROUP, Rule.NOT_OF_GROUP));
		}
		if (DEMOCRATIC.equals(entry.affiliation()) && entry.party() == null) {
			broken.add(Violation.of(Field.PARTY, Rule.REQUIRED));
		}
		else if (entry.party() != null && !DEMOCRATIC.equals(entry.affiliation())) {
			broken.add(Violation.of(Field.PARTY, Rule.NOT_DEMOCRATIC));
		}
		longer(broken, Field.RELIGION, entry.religion(), RELIGION_LENGTH);
		longer(broken, Field.EMPLOYER, entry.employer(), EMPLOYER_LENGTH);
		longer(broken, Field.POSITION, entry.position(), POSITION_LENGTH);
		longer(broken, Field.ADDRESS, entry.address(), ADDRESS_LENGTH);
		if (entry.tags().size() > TAG_COUNT || entry.tags().stream().anyMatch(tag -> tag.length() > TAG_LENGTH)) {
			broken.add(new Violation(Field.TAGS, Rule.TOO_LONG, TAG_LENGTH));
		}
		longer(broken, Field.NOTES, entry.notes(), NOTES_LENGTH);
		return broken;
	}

	/** Tags as written: separated by commas, 、, semicolons or spaces (full- or half-width); each once. */
	public static List<String> tags(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(TAG_SEPARATORS.split(text)).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
	}

	private static void longer(List<Violation> broken, Field field, @Nullable String value, int limit) {
		if (value != null && value.length() > limit) {
			broken.add(new Violation(field, Rule.TOO_LONG, limit));
		}
	}
}
