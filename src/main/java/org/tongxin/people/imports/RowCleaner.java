package org.tongxin.people.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.tongxin.people.IdNumber;
import org.tongxin.people.PersonNames;
import org.tongxin.people.internal.Masks;
import org.tongxin.people.internal.PersonRules;
import org.tongxin.platform.Unit;
import org.tongxin.platform.crypto.FieldCipher;
import org.tongxin.platform.tabular.CellValues.Cleaned;
import org.tongxin.platform.tabular.CellValues;
import org.tongxin.platform.tabular.SheetRow;

/**
 * Turns one spreadsheet row into a {@link CleanRow}, or into the reasons it cannot be imported — all of
 * them, not only the first, so that one round of corrections fixes a row.
 */
final class RowCleaner {

	private static final Set<String> YES = Set.of("同意", "是", "已同意", "y", "yes", "√", "1");

	private static final Set<String> NO = Set.of("不同意", "否", "未同意", "n", "no", "0");

	/** A cleaned row, or its errors. */
	record Outcome(@Nullable CleanRow row, List<RowError> errors) {
	}

	private final Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);

	private final Map<ImportField, String> headers = new EnumMap<>(ImportField.class);

	private final Lists lists;

	private final Places places;

	private final FieldCipher cipher;

	private final @Nullable Unit defaultUnit;

	private final LocalDate today;

	/**
	 * @param defaultUnit where rows without a city go: the importer's own city or district, if it is one
	 */
	RowCleaner(Map<String, Integer> located, SheetRow headerRow, Lists lists, Places places, FieldCipher cipher,
			@Nullable Unit defaultUnit, LocalDate today) {
		this.today = today;
		located.forEach((name, index) -> {
			ImportField field = ImportField.of(name);
			if (field != null) {
				columns.put(field, index);
				headers.put(field, CellValues.halfWidth(headerRow.cell(index)));
			}
		});
		this.lists = lists;
		this.places = places;
		this.cipher = cipher;
		this.defaultUnit = defaultUnit;
	}

	boolean has(ImportField field) {
		return columns.containsKey(field);
	}

	String header(ImportField field) {
		return headers.getOrDefault(field, field.header());
	}

	Outcome clean(SheetRow sheetRow) {
		Row r = new Row(sheetRow);
		String text = r.text(ImportField.NAME);
		String name = text == null ? null : PersonNames.normalise(text);
		String sex = sex(r);
		LocalDate birthDate = r.cleaned(ImportField.BIRTH_DATE, CellValues.date(r.raw(ImportField.BIRTH_DATE)));
		byte[] idCipher = null;
		byte[] idHash = null;
		String idMasked = null;
		String id = r.cleaned(ImportField.ID_NUMBER, CellValues.idNumber(r.raw(ImportField.ID_NUMBER)));
		IdNumber number = id == null ? null : IdNumber.parse(id).orElse(null);
		if (number != null) {
			// The ID number states sex and birth date; a file that says otherwise has an error somewhere.
			if (sex != null && !sex.equals(number.sex().name())) {
				r.error(ImportField.SEX, "import.reason.idMismatch", null);
			}
			if (birthDate != null && !birthDate.equals(number.birthDate())
					&& !(birthDate.getDayOfMonth() == 1 && birthDate.withDayOfMonth(1).equals(number.birthDate().withDayOfMonth(1)))) {
				r.error(ImportField.BIRTH_DATE, "import.reason.idMismatch", null);
			}
			sex = number.sex().name();
			birthDate = number.birthDate();
			idCipher = cipher.encrypt(number.value());
			idHash = cipher.hash(FieldCipher.Purpose.ID_NUMBER, number.value());
			idMasked = number.masked();
		}
		String phone = r.cleaned(ImportField.PHONE, CellValues.mobile(r.raw(ImportField.PHONE)));
		String email = r.text(ImportField.EMAIL);
		String ethnicity = r.code(ImportField.ETHNICITY);
		String education = r.code(ImportField.EDUCATION);
		String affiliation = r.code(ImportField.AFFILIATION);
		String party = r.code(ImportField.PARTY);
		String group = r.code(ImportField.GROUP);
		String subgroup = r.code(ImportField.SUBGROUP);
		if (party != null && affiliation == null) {
			// A democratic party says the affiliation.
			affiliation = PersonRules.DEMOCRATIC;
		}
		String religion = r.text(ImportField.RELIGION);
		String employer = r.text(ImportField.EMPLOYER);
		String position = r.text(ImportField.POSITION);
		String sector = r.code(ImportField.SECTOR);
		String address = r.text(ImportField.ADDRESS);
		String notes = r.text(ImportField.NOTES);
		List<String> tags = PersonRules.tags(r.text(ImportField.TAGS));
		// The record's rules, the form's own (PersonRules). A cell that could not be read has its error already;
		// the ID number is passed as written, so that an unreadable one does not also ask for the sex.
		PersonRules.Entry entry = new PersonRules.Entry(name, sex, birthDate,
				id != null ? id : r.text(ImportField.ID_NUMBER), phone, email, group, subgroup, affiliation, party,
				religion, employer, position, address, notes, tags);
		for (PersonRules.Violation broken : PersonRules.check(entry, today, code -> lists.parent("SUBGROUP", code))) {
			ImportField field = ImportField.valueOf(broken.field().name());
			if (!r.failed(field)) {
				r.error(field, reason(broken), broken.limit() == 0 ? null : Integer.toString(broken.limit()));
			}
		}
		boolean consent = consent(r);
		Unit unit = unit(r);
		if (r.errors.isEmpty() && unit != null && name != null && sex != null && group != null) {
			String region = places.regionCode(unit.id());
			String place = r.text(ImportField.DISTRICT) != null ? r.text(ImportField.DISTRICT)
					: r.text(ImportField.CITY) != null ? r.text(ImportField.CITY)
					: r.text(ImportField.PLACE) != null ? r.text(ImportField.PLACE) : unit.name();
			return new Outcome(new CleanRow(sheetRow.number(), unit.id().value(),
					r.text(ImportField.CITY) != null || r.text(ImportField.DISTRICT) != null || r.text(ImportField.PLACE) != null,
					region == null ? "" : region,
					place == null ? unit.name() : place, name, sex, birthDate, ethnicity, idCipher, idHash, idMasked,
					phone == null ? null : cipher.encrypt(phone),
					phone == null ? null : cipher.hash(FieldCipher.Purpose.PHONE, phone),
					phone == null ? null : cipher.hash(FieldCipher.Purpose.PHONE_SUFFIX, phone.substring(phone.length() - 4)),
					Masks.phone(phone), email == null ? null : cipher.encrypt(email), education, affiliation, party,
					religion == null ? null : cipher.encrypt(religion), group, subgroup, employer, position, sector,
					address == null ? null : cipher.encrypt(address), tags, notes, consent), List.of());
		}
		return new Outcome(null, r.errors);
	}

	private @Nullable String sex(Row r) {
		String text = r.text(ImportField.SEX);
		if (text == null) {
			return null;
		}
		return switch (text.toUpperCase(java.util.Locale.ROOT)) {
			case "男", "男性", "M", "MALE" -> "M";
			case "女", "女性", "F", "FEMALE" -> "F";
			default -> {
				r.error(ImportField.SEX, "import.reason.sex", null);
				yield null;
			}
		};
	}

	/** The import's words for a broken rule (messages-people: import.reason.*). */
	private static String reason(PersonRules.Violation broken) {
		return switch (broken.rule()) {
			case REQUIRED -> switch (broken.field()) {
				case SEX -> "import.reason.sexRequired";
				case PARTY -> "import.reason.partyRequired";
				default -> "import.reason.required";
			};
			case TOO_LONG -> broken.field() == PersonRules.Field.TAGS ? "import.reason.tags" : "import.reason.tooLong";
			case INVALID -> switch (broken.field()) {
				case ID_NUMBER -> "import.reason.idChecksum";
				case PHONE -> "tabular.mobile.format";
				default -> "import.reason.email";
			};
			case IN_FUTURE -> "import.reason.birthFuture";
			case NOT_OF_GROUP -> "import.reason.subgroupMismatch";
			case NOT_DEMOCRATIC -> "import.reason.partyNotDemocratic";
		};
	}

	private boolean consent(Row r) {
		String text = r.text(ImportField.CONSENT);
		if (text == null || NO.contains(text.toLowerCase(java.util.Locale.ROOT))) {
			return false;
		}
		if (YES.contains(text.toLowerCase(java.util.Locale.ROOT))) {
			return true;
		}
		r.error(ImportField.CONSENT, "import.reason.consent", null);
		return false;
	}

	/** The owning unit: the district within the city, the city, or the importer's own city or district. */
	private @Nullable Unit unit(Row r) {
		String cityText = r.text(ImportField.CITY);
		String districtText = r.text(ImportField.DISTRICT);
		Unit city = null;
		if (cityText != null) {
			city = places.city(cityText);
			if (city == null) {
				r.error(ImportField.CITY, "import.reason.city", null);
				return null;
			}
		}
		if (districtText != null) {
			Unit district = places.district(city != null ? city : defaultCity(), districtText);
			if (district == null) {
				r.error(ImportField.DISTRICT, "import.reason.district", null);
			}
			return district;
		}
		if (city != null) {
			return city;
		}
		String placeText = r.text(ImportField.PLACE);
		if (placeText != null) {
			Unit place = places.place(placeText);
			if (place == null) {
				r.error(ImportField.PLACE, "import.reason.place", null);
			}
			return place;
		}
		if (defaultUnit == null) {
			r.error(ImportField.CITY, "import.reason.cityRequired", null);
		}
		return defaultUnit;
	}

	private @Nullable Unit defaultCity() {
		if (defaultUnit == null) {
			return null;
		}
		String region = places.regionCode(defaultUnit.id());
		return region == null ? null : places.city(region);
	}

	/** The cells of one row, and the errors found in them so far. */
	private final class Row {

		private final SheetRow sheetRow;

		private final List<RowError> errors = new ArrayList<>(0);

		Row(SheetRow sheetRow) {
			this.sheetRow = sheetRow;
		}

		String raw(ImportField field) {
			Integer column = columns.get(field);
			return column == null ? "" : sheetRow.cell(column);
		}

		/** Half-width and trimmed; null when empty. */
		@Nullable
		String text(ImportField field) {
			String value = CellValues.halfWidth(raw(field));
			return value.isEmpty() ? null : value;
		}

		@Nullable
		String code(ImportField field) {
			String value = text(field);
			if (value == null) {
				return null;
			}
			String code = lists.code(java.util.Objects.requireNonNull(field.dictionary()), value);
			if (code == null) {
				error(field, "import.reason.dictionary", null);
			}
			return code;
		}

		<T> @Nullable T cleaned(ImportField field, Cleaned<T> cleaned) {
			return switch (cleaned) {
				case Cleaned.Ok<T> ok -> ok.value();
				case Cleaned.Invalid<T> invalid -> {
					error(field, invalid.reason(), null);
					yield null;
				}
			};
		}

		boolean failed(ImportField field) {
			return errors.stream().anyMatch(e -> e.column().equals(header(field)));
		}

		void error(ImportField field, String reason, @Nullable String argument) {
			errors.add(new RowError(sheetRow.number(), header(field), shown(field, raw(field).strip()), reason, argument));
		}

		/**
		 * The value as the error report may show it: the report outlives the upload and is read by others, so the
		 * ID number, phone and birth date are masked as the registry masks them (the row number finds the cell).
		 */
		private static String shown(ImportField field, String value) {
			if (value.isEmpty()) {
				return value;
			}
			return switch (field) {
				case ID_NUMBER -> Masks.ID_NUMBER;
				case PHONE -> java.util.Objects.requireNonNull(Masks.phone(value));
				case BIRTH_DATE -> "****";
				default -> value;
			};
		}
	}
}
