package org.tongxin.people.imports;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The job's parameters as submitted.
 *
 * @param dryRun run everything, then roll it back: the counts and the error report of a real run
 * @param mapping header → field chosen by the user for this file (over the API, or carried from the dry run to
 * the real import); it wins over the unit's saved mapping and the recognised headers
 */
public record ImportOptions(ImportMode mode, boolean dryRun, String fileName, @Nullable Map<String, String> mapping) {

	public ImportOptions(ImportMode mode, boolean dryRun, String fileName) {
		this(mode, dryRun, fileName, null);
	}
}
