package org.tongxin.activities;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** What a user enters for an event, in the UI and in the API; times are China Standard Time. */
public record EventForm(
		@NotBlank(message = "{activities.event.title.required}") @Size(max = 100, message = "{activities.event.title.size}") @Nullable String title,
		@Nullable Long seriesId,
		@NotNull(message = "{activities.event.kind.required}") @Nullable EventKind kind,
		@Nullable List<Long> organiserIds,
		@Nullable Long siteId,
		@Size(max = 200, message = "{activities.event.address.size}") @Nullable String address,
		@NotNull(message = "{activities.event.startsAt.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime startsAt,
		@NotNull(message = "{activities.event.endsAt.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime endsAt,
		@Positive(message = "{activities.event.capacity.positive}") @Nullable Integer capacity,
		@NotNull(message = "{activities.event.audience.required}") @Nullable Audience audience,
		@Nullable List<String> audienceGroups,
		@Nullable List<Long> audienceOrganisationIds,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime registrationOpens,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime registrationCloses,
		@Size(max = 2000, message = "{activities.description.size}") @Nullable String description) {

	public static EventForm empty(@Nullable Long seriesId) {
		return new EventForm(null, seriesId, null, new ArrayList<>(), null, null, null, null, null, Audience.OPEN,
				new ArrayList<>(), new ArrayList<>(), null, null, null);
	}

	/** The form of an event, its times as wall-clock times in {@code zone}, the application's. */
	public static EventForm of(Event e, ZoneId zone) {
		return new EventForm(e.title(), e.series() == null ? null : e.series().value(), e.kind(),
				new ArrayList<>(e.organisers().stream().map(o -> o.value()).toList()),
				e.site() == null ? null : e.site().value(), e.address(), e.start(zone), e.end(zone),
				e.capacity(), e.audience(), new ArrayList<>(e.audienceGroups()),
				new ArrayList<>(e.audienceOrganisations().stream().map(o -> o.value()).toList()), e.opens(zone), e.closes(zone),
				e.description());
	}

	public List<Long> organisers() {
		return organiserIds == null ? List.of() : organiserIds;
	}

	public List<String> groups() {
		return audienceGroups == null ? List.of() : audienceGroups;
	}

	public List<Long> audienceOrganisations() {
		return audienceOrganisationIds == null ? List.of() : audienceOrganisationIds;
	}
}
