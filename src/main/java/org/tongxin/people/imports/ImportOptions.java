package org.tongxin.people.imports;

/**
 * The job's parameters as submitted.
 *
 * @param dryRun run everything, then roll it back: the counts and the error report of a real run
 */
public record ImportOptions(ImportMode mode, boolean dryRun, String fileName) {
}
