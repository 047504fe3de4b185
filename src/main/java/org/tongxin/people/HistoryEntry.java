package org.tongxin.people;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One move: a change of place, group, employer or position, with who recorded it. */
public record HistoryEntry(HistoryField field, @Nullable String oldValue, @Nullable String newValue, Instant changedAt,
		String changedBy) {
}
