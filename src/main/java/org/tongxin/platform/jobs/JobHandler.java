package org.tongxin.platform.jobs;

/**
 * Runs the jobs of one kind. After a crash a job is run again from the start, so a handler either
 * makes its effects in one transaction (then a crash leaves nothing behind) or makes them idempotent.
 */
public interface JobHandler {

	String kind();

	void run(JobContext context) throws Exception;
}
