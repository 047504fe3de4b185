package org.tongxin.people.imports;

/**
 * Called as an import passes its steps. Production has none; tests use one to break an import in the
 * middle of its merge, as a crash would.
 */
interface ImportCheckpoint {

	void reached(String step, long jobId);
}
