package org.tongxin.projects;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A progress report: periodic (per quarter, {@code period} "2018-Q3") or ad hoc, with the indicator
 * values it reports and its evidence. The level above may return it with a comment; the owner then
 * revises and submits it again.
 */
public record ProgressReport(ReportId id, ProjectId project, ReportKind kind, @Nullable String period, String text,
		ReportState state, int revision, String submittedBy, Instant submittedAt, @Nullable String returnedBy,
		@Nullable Instant returnedAt, @Nullable String returnComment, List<Value> values, List<Attachment> attachments) {

	/** An indicator value as reported. */
	public record Value(IndicatorId indicator, String name, String unitLabel, BigDecimal value) {
	}

	/** An evidence file's description; the bytes are only served through the scoped download. */
	public record Attachment(AttachmentId id, String fileName, String contentType, long size, String sha256) {
	}

	public boolean returned() {
		return state == ReportState.RETURNED;
	}
}
