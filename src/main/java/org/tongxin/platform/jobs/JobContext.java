package org.tongxin.platform.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.DataScope;

/** What a running job may see and do: its owner's data scope, its files, its progress and result. */
public interface JobContext {

	Job job();

	/** The data scope of the account that submitted the job: a job sees no more than its owner. */
	DataScope scope();

	<T> T parameters(Class<T> type);

	/** Reports progress; cheap enough to call every few thousand rows. */
	void progress(String phase, long done, @Nullable Long total);

	InputStream input(String name) throws IOException;

	/**
	 * A private directory (0700) for working copies the job needs as files (a spreadsheet reader wants random
	 * access), deleted when the run ends, and after a crash by the file store's cleanup — use it instead of the
	 * system's temp directory, where a crashed run would leave an upload in clear.
	 */
	java.nio.file.Path scratch() throws IOException;

	void output(String name, String contentType, OutputWriter writer) throws IOException;

	/** The summary shown when the job is done (counts and the like), stored as JSON. */
	void result(Object summary);

	boolean cancelled();

	/**
	 * Keeps the job's inputs for a while after it has succeeded, instead of deleting them when it ends: a dry
	 * run's upload, from which the real run can start ({@link BackgroundJobs#submitFrom}).
	 */
	void keepInputs(java.time.Duration duration);

	@FunctionalInterface
	interface OutputWriter {

		void write(OutputStream out) throws IOException;
	}
}
