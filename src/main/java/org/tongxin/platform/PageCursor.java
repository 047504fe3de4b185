package org.tongxin.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where a list paged newest first by (created at, public id) continues: the last row of the previous page. A
 * numeric id as the cursor told anyone how many rows (imports, jobs…) the whole system had made; the time and a
 * random public id tell nothing the page did not already show. Written in URLs as
 * {@code <epoch microseconds>.<uuid>}; microseconds because that is what a timestamptz keeps.
 */
public record PageCursor(Instant at, UUID id) {

	public PageCursor {
		at = at.truncatedTo(ChronoUnit.MICROS);
	}

	public String encode() {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
		return micros + "." + id;
	}

	/** The cursor of a URL; empty when there is none, or when it is not one (a hand-edited URL starts over). */
	public static Optional<PageCursor> parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		int dot = text.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		try {
			long micros = Long.parseLong(text.substring(0, dot));
			UUID id = UUID.fromString(text.substring(dot + 1));
			return Optional.of(new PageCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id));
		}
		catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
			return Optional.empty();
		}
	}
}
