package org.tongxin.people.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.tongxin.people.IdNumber;
import org.tongxin.people.PersonNames;
import org.tongxin.people.internal.Masks;
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

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern TAG_SEPARATORS = Pattern.compile("[,，;；、\\s]+");

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

	/**
	 * @param defaultUnit where rows without a city go: the importer's own city or district, if it is one
	 */
	RowCleaner(Map<String, Integer> located, SheetRow headerRow, Lists lists, Places places, FieldCipher cipher,
			@Nullable Unit defaultUnit) {
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
		if (name == null || name.isEmpty()) {
			r.error(ImportField.NAME, "import.reason.required", null);
		}
		else if (name.length() > 50) {
			r.error(ImportField.NAME, "import.reason.tooLong", "50");
		}
		String sex = sex(r);
		LocalDate birthDate = r.cleaned(ImportField.BIRTH_DATE, CellValues.date(r.raw(ImportField.BIRTH_DATE)));
		byte[] idCipher = null;
		byte[] idHash = null;
		String idMasked = null;
		String id = r.cleaned(ImportField.ID_NUMBER, CellValues.idNumber(r.raw(ImportField.ID_NUMBER)));
		if (id != null) {
			Optional<IdNumber> parsed = IdNumber.parse(id);
			if (parsed.isEmpty()) {
				r.error(ImportField.ID_NUMBER, "import.reason.idChecksum", null);
			}
			else {
				IdNumber number = parsed.get();
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
		}
		if (sex == null && !r.failed(ImportField.SEX) && r.text(ImportField.ID_NUMBER) == null) {
			r.error(ImportField.SEX, "import.reason.sexRequired", null);
		}
		String phone = r.cleaned(ImportField.PHONE, CellValues.mobile(r.raw(ImportField.PHONE)));
		String email = r.text(ImportField.EMAIL);
		if (email != null && (email.length() > 100 || !EMAIL.matcher(email).matches())) {
			r.error(ImportField.EMAIL, "import.reason.email", null);
		}
		String ethnicity = r.code(ImportField.ETHNICITY);
		String education = r.code(ImportField.EDUCATION);
		String affiliation = r.code(ImportField.AFFILIATION);
		String party = r.code(ImportField.PARTY);
		String group = r.code(ImportField.GROUP);
		if (group == null && !r.failed(ImportField.GROUP)) {
			r.error(ImportField.GROUP, "import.reason.required", null);
		}
		String subgroup = r.code(ImportField.SUBGROUP);
		if (subgroup != null && group != null && !group.equals(lists.parent("SUBGROUP", subgroup))) {
			r.error(ImportField.SUBGROUP, "import.reason.subgroupMismatch", null);
		}
		if (party != null && affiliation == null) {
			// A democratic party says the affiliation.
			affiliation = "DEMOCRATIC";
		}
		if ("DEMOCRATIC".equals(affiliation) && party == null && !r.failed(ImportField.PARTY)) {
			r.error(ImportField.PARTY, "import.reason.partyRequired", null);
		}
		else if (party != null && !"DEMOCRATIC".equals(affiliation)) {
			r.error(ImportField.PARTY, "import.reason.partyNotDemocratic", null);
		}
		String religion = r.limited(ImportField.RELIGION, 50);
		String employer = r.limited(ImportField.EMPLOYER, 100);
		String position = r.limited(ImportField.POSITION, 100);
		String sector = r.code(ImportField.SECTOR);
		String address = r.limited(ImportField.ADDRESS, 200);
		String notes = r.limited(ImportField.NOTES, 2000);
		List<String> tags = tags(r);
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

	private List<String> tags(Row r) {
		String text = r.text(ImportField.TAGS);
		if (text == null) {
			return List.of();
		}
		List<String> tags = Arrays.stream(TAG_SEPARATORS.split(text)).filter(t -> !t.isBlank()).distinct().toList();
		if (tags.stream().anyMatch(t -> t.length() > 20) || tags.size() > 20) {
			r.error(ImportField.TAGS, "import.reason.tags", null);
		}
		return tags;
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
		String limited(ImportField field, int length) {
			String value = text(field);
			if (value != null && value.length() > length) {
				error(field, "import.reason.tooLong", Integer.toString(length));
			}
			return value;
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
