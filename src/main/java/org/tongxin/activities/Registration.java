package org.tongxin.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.tongxin.people.PersonId;

/** A person's registration for an event, with attendance, volunteer hours and feedback. */
public record Registration(RegistrationId id, EventId event, PersonId person, RegistrationStatus status,
		Channel channel, String code, Instant registeredAt, @Nullable Instant checkedInAt,
		@Nullable BigDecimal volunteerHours, @Nullable Integer satisfaction, @Nullable Integer gain,
		@Nullable String comment) {

	public boolean checkedIn() {
		return checkedInAt != null;
	}

	public boolean active() {
		return status != RegistrationStatus.CANCELLED;
	}

	/** When registered, as a wall-clock time in {@code zone}, the application's (its clock's). */
	public LocalDateTime registered(ZoneId zone) {
		return LocalDateTime.ofInstant(registeredAt, zone);
	}

	public @Nullable LocalDateTime checkedInTime(ZoneId zone) {
		return checkedInAt == null ? null : LocalDateTime.ofInstant(checkedInAt, zone);
	}
}
