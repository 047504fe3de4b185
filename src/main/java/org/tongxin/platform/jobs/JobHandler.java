package org.tongxin.platform.jobs;

import org.jspecify.annotations.Nullable;

/**
 * Runs the jobs of one kind. After a crash a job is run again from the start, so a handler either
 * makes its effects in one transaction (then a crash leaves nothing behind) or makes them idempotent.
 */
public interface JobHandler {

	String kind();

	/**
	 * The module's permission that lets accounts other than the job's owner follow jobs of this kind (progress,
	 * outcome, output) within their data scope; {@code null}: only the owner.
	 */
	default @Nullable String followPermission() {
		return null;
	}

	void run(JobContext context) throws Exception;
}
