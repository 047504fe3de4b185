package org.tongxin.platform.jobs;

/**
 * A failure that running the job again will not cure (an unreadable file, a missing column): the job
 * ends FAILED at once with this message key, instead of being retried.
 */
public class JobFailure extends RuntimeException {

	public JobFailure(String messageKey) {
		super(messageKey);
	}

	public JobFailure(String messageKey, Throwable cause) {
		super(messageKey, cause);
	}
}
