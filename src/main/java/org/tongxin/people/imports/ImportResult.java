package org.tongxin.people.imports;

import java.util.List;

/**
 * What an import did (or, for a dry run, would do): {@code total = inserted + updated + skipped + failed},
 * blank rows not counted.
 */
public record ImportResult(boolean dryRun, ImportMode mode, long total, long inserted, long updated, long skipped,
		long failed, List<String> unknownHeaders) {
}
