package org.tongxin.activities;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.platform.UnitId;
import org.tongxin.programme.SiteId;

/**
 * An event of an owning unit. Times are instants; screens, the calendar and iCal show them in China
 * Standard Time. The counts are those of the moment it was read.
 */
public record Event(EventId id, UnitId unit, String unitName, @Nullable SeriesId series, @Nullable String seriesName,
		String title, EventKind kind, List<OrganisationId> organisers, @Nullable SiteId site, @Nullable String address, Instant startsAt,
		Instant endsAt, @Nullable Integer capacity, Audience audience, List<String> audienceGroups,
		List<OrganisationId> audienceOrganisations, @Nullable Instant registrationOpens,
		@Nullable Instant registrationCloses, @Nullable String description, int registered, int waitlisted,
		int checkedIn, int version) {

	/** The start as a wall-clock time in {@code zone}, the application's (its clock's, tongxin.time-zone). */
	public LocalDateTime start(ZoneId zone) {
		return LocalDateTime.ofInstant(startsAt, zone);
	}

	public LocalDateTime end(ZoneId zone) {
		return LocalDateTime.ofInstant(endsAt, zone);
	}

	public @Nullable LocalDateTime opens(ZoneId zone) {
		return registrationOpens == null ? null : LocalDateTime.ofInstant(registrationOpens, zone);
	}

	public @Nullable LocalDateTime closes(ZoneId zone) {
		return registrationCloses == null ? null : LocalDateTime.ofInstant(registrationCloses, zone);
	}

	public boolean past(Instant now) {
		return endsAt.isBefore(now);
	}

	public boolean started(Instant now) {
		return !startsAt.isAfter(now);
	}

	public @Nullable Integer placesLeft() {
		return capacity == null ? null : Math.max(0, capacity - registered);
	}

	/** Checked in over registered, in percent; null before anyone registered. */
	public @Nullable Integer attendanceRate() {
		return registered == 0 ? null : (int) Math.round(100.0 * checkedIn / registered);
	}

	public boolean volunteering() {
		return kind == EventKind.VOLUNTEER;
	}
}
