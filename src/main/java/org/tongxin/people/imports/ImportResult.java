package org.tongxin.people.imports;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an import did (or, for a dry run, would do): {@code total = inserted + updated + skipped + failed},
 * blank rows not counted.
 *
 * @param unknownHeaders the headers of the file it did not use
 * @param errors the first {@value #SHOWN_ERRORS} errors, values masked, for the result page (the error report
 * has all of them)
 * @param mapping which header it read as which field
 */
public record ImportResult(boolean dryRun, ImportMode mode, long total, long inserted, long updated, long skipped,
		long failed, List<String> unknownHeaders, @Nullable List<RowError> errors, @Nullable Map<String, String> mapping) {

	static final int SHOWN_ERRORS = 100;

	public ImportResult {
		errors = errors == null ? List.of() : List.copyOf(errors);
		mapping = mapping == null ? Map.of() : mapping;
	}
}
