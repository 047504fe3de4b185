package org.tongxin.activities;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * Figures of a set of events: registrations count confirmed places (waiting list and cancellations left
 * out); the attendance rate is checked in over the registrations of events that have begun (an upcoming
 * event has nobody checked in yet and would pull the rate down); the averages are over the feedback given.
 */
public record Figures(String label, long events, long registrations, long registrationsHeld, long checkedIn,
		BigDecimal volunteerHours, @Nullable BigDecimal satisfaction, @Nullable BigDecimal gain, long feedbacks) {

	/** In percent, one decimal; null when nobody registered for an event that has begun. */
	public @Nullable BigDecimal attendanceRate() {
		return registrationsHeld == 0 ? null
				: BigDecimal.valueOf(checkedIn * 100L).divide(BigDecimal.valueOf(registrationsHeld), 1, RoundingMode.HALF_UP);
	}
}
