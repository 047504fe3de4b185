package org.tongxin.platform.jobs;

/** A file a job read or wrote; the bytes are opened through {@link BackgroundJobs#open(StoredFile)}. */
public record StoredFile(long id, JobId job, String purpose, String name, String contentType, long size,
		String sha256, String location) {
}
