package org.tongxin.activities;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Filter of the event list: text in the title or address, a series, a kind, a time window, an organiser. */
public record EventFilter(@Nullable String text, @Nullable Long series, @Nullable EventKind kind,
		@Nullable Instant from, @Nullable Instant to, @Nullable Long organisation) {

	public static EventFilter none() {
		return new EventFilter(null, null, null, null, null, null);
	}
}
