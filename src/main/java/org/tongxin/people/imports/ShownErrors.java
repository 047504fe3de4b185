package org.tongxin.people.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.tongxin.people.internal.Masks;

/**
 * The first errors of an import for its result page, taken from the two row-ordered sequences on their way
 * into the error report. The page is stored with the job (in the database) and seen by everyone who may
 * import in the unit, so values of personal fields are masked as the registry masks them; a birth date keeps
 * only its year, since beside a masked ID number it would give the number away.
 */
final class ShownErrors {

	private final Map<String, ImportField> fieldOfHeader = new HashMap<>();

	private final List<RowError> read = new ArrayList<>();

	private final List<RowError> checked = new ArrayList<>();

	ShownErrors(RowCleaner columns) {
		for (ImportField field : ImportField.values()) {
			if (columns.has(field)) {
				fieldOfHeader.putIfAbsent(columns.header(field), field);
			}
		}
	}

	/** The same errors, the first {@value ImportResult#SHOWN_ERRORS} of them kept aside. */
	Iterator<RowError> fromReading(Iterator<RowError> errors) {
		return tap(errors, read);
	}

	Iterator<RowError> fromChecks(Iterator<RowError> errors) {
		return tap(errors, checked);
	}

	/** In report order: by row, errors found while reading before those of the checks. */
	List<RowError> first() {
		List<RowError> all = new ArrayList<>(read);
		all.addAll(checked);
		// A stable sort: within a row, reading before checks, as the report merges them.
		all.sort(Comparator.comparingInt(RowError::row));
		return all.stream().limit(ImportResult.SHOWN_ERRORS).map(this::masked).toList();
	}

	RowError masked(RowError e) {
		ImportField field = fieldOfHeader.get(e.column());
		if (field == null || e.value().isEmpty()) {
			return e;
		}
		String value = switch (field) {
			case ID_NUMBER -> Masks.idNumber(e.value());
			case PHONE -> Masks.phone(e.value());
			case RELIGION -> Masks.religion();
			case BIRTH_DATE -> e.value().length() <= 4 ? e.value() : e.value().substring(0, 4) + "*".repeat(e.value().length() - 4);
			default -> e.value();
		};
		return new RowError(e.row(), e.column(), value == null ? "" : value, e.reason(), e.argument());
	}

	private static Iterator<RowError> tap(Iterator<RowError> errors, List<RowError> kept) {
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return errors.hasNext();
			}

			@Override
			public RowError next() {
				RowError e = errors.next();
				if (kept.size() < ImportResult.SHOWN_ERRORS) {
					kept.add(e);
				}
				return e;
			}
		};
	}
}
