package org.tongxin.projects;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A batch of key projects (第一批 15, 第二批 36) with its call for proposals. */
public record Batch(BatchId id, int number, int year, String title, int plannedCount, @Nullable LocalDate callOpens,
		@Nullable LocalDate callCloses, int version) {
}
