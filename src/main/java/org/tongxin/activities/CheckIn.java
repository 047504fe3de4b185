package org.tongxin.activities;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of presenting a code at an event's door (or of the button beside a name). For TOO_EARLY,
 * {@code at} is the instant check-in opens.
 */
public record CheckIn(Outcome outcome, @Nullable RegistrationId registration, @Nullable String name,
		@Nullable Instant at) {

	public enum Outcome {
		CHECKED_IN, ALREADY_CHECKED_IN, OTHER_EVENT, UNKNOWN_CODE, NOT_CONFIRMED, TOO_EARLY
	}

	public boolean ok() {
		return outcome == Outcome.CHECKED_IN;
	}
}
