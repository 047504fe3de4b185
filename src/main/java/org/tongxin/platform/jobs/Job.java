package org.tongxin.platform.jobs;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.UnitId;

/**
 * A job as stored. {@code parameters} and {@code result} are JSON written by the job's handler;
 * {@code phase}, {@code done} and {@code total} drive the progress bar. {@code id} stays inside the
 * application; URLs and API answers name a job by its random {@code publicId} only.
 */
public record Job(JobId id, UUID publicId, String kind, UnitId unit, String owner, JobStatus status, @Nullable String parameters,
		@Nullable String phase, long done, @Nullable Long total, @Nullable String result, @Nullable String error,
		int attempts, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt) {

	/** 0–100, or -1 while the total is not known yet. */
	public int percent() {
		if (status == JobStatus.SUCCEEDED) {
			return 100;
		}
		if (total == null || total <= 0) {
			return -1;
		}
		return (int) Math.min(100, done * 100 / total);
	}
}
