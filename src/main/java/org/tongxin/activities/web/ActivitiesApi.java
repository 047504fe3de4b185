package org.tongxin.activities.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.activities.Activities;
import org.tongxin.activities.ActivityFigures;
import org.tongxin.activities.Audience;
import org.tongxin.activities.CheckIn;
import org.tongxin.activities.Event;
import org.tongxin.activities.EventForm;
import org.tongxin.activities.EventFilter;
import org.tongxin.activities.EventId;
import org.tongxin.activities.EventKind;
import org.tongxin.activities.Figures;
import org.tongxin.activities.Registration;
import org.tongxin.activities.RegistrationStatus;
import org.tongxin.activities.Registrations;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.people.PersonId;
import org.tongxin.platform.Slice;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.web.ApiPages;

/** Activities for other systems: events, registrations, check-in and figures, all in the caller's scope. */
@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "activities", description = "活动: events, registration with waiting list, check-in, figures (scoped)")
class ActivitiesApi {

	private final Activities activities;

	private final Registrations registrations;

	private final ActivityFigures figures;

	private final Clock clock;

	ActivitiesApi(Activities activities, Registrations registrations, ActivityFigures figures, Clock clock) {
		this.clock = clock;
		this.activities = activities;
		this.registrations = registrations;
		this.figures = figures;
	}

	/** Times with their offset (ISO 8601, +08:00), so that no client has to guess the zone. */
	record EventView(long id, long unit, String unitName, @Nullable Long series, @Nullable String seriesName,
			String title, EventKind kind, List<Long> organisers, @Nullable Long site, @Nullable String address, OffsetDateTime startsAt,
			OffsetDateTime endsAt, @Nullable Integer capacity, Audience audience, List<String> audienceGroups,
			List<Long> audienceOrganisations, @Nullable OffsetDateTime registrationOpens,
			@Nullable OffsetDateTime registrationCloses, @Nullable String description, int registered, int waitlisted,
			int checkedIn, int version) {

		static EventView of(ZoneId zone, Event e) {
			return new EventView(e.id().value(), e.unit().value(), e.unitName(),
					e.series() == null ? null : e.series().value(), e.seriesName(), e.title(), e.kind(),
					e.organisers().stream().map(OrganisationId::value).toList(),
					e.site() == null ? null : e.site().value(), e.address(), offset(e.startsAt(), zone), offset(e.endsAt(), zone),
					e.capacity(), e.audience(), e.audienceGroups(),
					e.audienceOrganisations().stream().map(OrganisationId::value).toList(), offsetOrNull(e.registrationOpens(), zone), offsetOrNull(e.registrationCloses(), zone),
					e.description(), e.registered(), e.waitlisted(), e.checkedIn(), e.version());
		}

		private static OffsetDateTime offset(Instant instant, ZoneId zone) {
			return instant.atZone(zone).toOffsetDateTime();
		}

		private static @Nullable OffsetDateTime offsetOrNull(@Nullable Instant instant, ZoneId zone) {
			return instant == null ? null : offset(instant, zone);
		}
	}

	record EventPage(List<EventView> items, @Nullable String nextCursor) {
	}

	record RegistrationRequest(@NotNull @Nullable Long personId) {
	}

	record RegistrationView(long id, long event, long person, RegistrationStatus status, String code,
			Instant registeredAt, @Nullable Instant checkedInAt) {

		static RegistrationView of(Registration r) {
			return new RegistrationView(r.id().value(), r.event().value(), r.person().value(), r.status(), r.code(),
					r.registeredAt(), r.checkedInAt());
		}
	}

	record CheckInRequest(@NotBlank @Nullable String code, @NotNull @Nullable Long eventId) {
	}

	record CheckInView(CheckIn.Outcome outcome, @Nullable Long registration, @Nullable String name,
			@Nullable Instant at) {
	}

	record FiguresView(String label, long events, long registrations, long registrationsHeld, long checkedIn,
			@Nullable BigDecimal attendanceRate, BigDecimal volunteerHours, @Nullable BigDecimal satisfaction,
			@Nullable BigDecimal gain, long feedbacks) {

		static FiguresView of(Figures f) {
			return new FiguresView(f.label(), f.events(), f.registrations(), f.registrationsHeld(), f.checkedIn(), f.attendanceRate(),
					f.volunteerHours(), f.satisfaction(), f.gain(), f.feedbacks());
		}
	}

	record StatsView(long unit, String unitName, @Nullable LocalDate from, @Nullable LocalDate to, FiguresView total,
			List<FiguresView> byUnit, List<FiguresView> bySeries, List<FiguresView> byMonth,
			List<FiguresView> byKind) {
	}

	@GetMapping("/events")
	@PreAuthorize("hasAuthority('activities:read')")
	@Operation(summary = "Events in the caller's data scope, latest start first, keyset-paged by cursor",
			description = "from/to: dates (China Standard Time) the events overlap; q: text in title or address")
	EventPage events(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long series, @RequestParam(required = false) @Nullable EventKind kind,
			@RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "50") int size) {
		EventFilter filter = EventController.filter(q, series, kind, from, to, clock.getZone());
		Slice<Event> slice = ApiPages.read(cursor, size,
				(before, limit) -> activities.events(filter, before == null ? null : new EventId(before), limit),
				Event::id);
		return new EventPage(ApiPages.views(slice, e -> EventView.of(clock.getZone(), e)), slice.next());
	}

	@GetMapping("/events/{id}")
	@PreAuthorize("hasAuthority('activities:read')")
	@Operation(summary = "One event with its current counts")
	EventView event(@PathVariable long id) {
		return EventView.of(clock.getZone(), activities.getEvent(new EventId(id)));
	}

	@PostMapping("/events")
	@PreAuthorize("hasAuthority('activities:write')")
	@Operation(summary = "Create an event owned by the caller's unit; times are China Standard Time (yyyy-MM-ddTHH:mm)")
	ResponseEntity<EventView> create(@Valid @RequestBody EventForm form) {
		Event event = activities.createEvent(form);
		return ResponseEntity.created(URI.create("/api/v1/activities/events/" + event.id())).body(EventView.of(clock.getZone(), event));
	}

	@PostMapping("/events/{id}/registrations")
	@PreAuthorize("hasAuthority('activities:write')")
	@Operation(summary = "Register a person of the caller's scope: REGISTERED while places are left, WAITLISTED after; 409 when refused (audience, window, already registered)")
	ResponseEntity<RegistrationView> register(@PathVariable long id, @Valid @RequestBody RegistrationRequest request) {
		Registration registration = registrations.register(new EventId(id),
				new PersonId(java.util.Objects.requireNonNull(request.personId())));
		return ResponseEntity.created(URI.create("/api/v1/activities/events/" + id + "/registrations/" + registration.id()))
			.body(RegistrationView.of(registration));
	}

	@PostMapping("/checkins")
	@PreAuthorize("hasAuthority('activities:checkin')")
	@Operation(summary = "Check in with a registration's code at an event; a code of another event is refused (OTHER_EVENT), "
			+ "and so is any code earlier than tongxin.activities.check-in-opens-before (default 2h) before the start (TOO_EARLY, at: when it opens)")
	ResponseEntity<CheckInView> checkIn(@Valid @RequestBody CheckInRequest request) {
		CheckIn result = registrations.checkIn(new EventId(java.util.Objects.requireNonNull(request.eventId())),
				java.util.Objects.requireNonNull(request.code()));
		CheckInView view = new CheckInView(result.outcome(),
				result.registration() == null ? null : result.registration().value(), result.name(), result.at());
		return switch (result.outcome()) {
			case CHECKED_IN, ALREADY_CHECKED_IN -> ResponseEntity.ok(view);
			case OTHER_EVENT, NOT_CONFIRMED, TOO_EARLY -> ResponseEntity.status(409).body(view);
			case UNKNOWN_CODE -> ResponseEntity.status(404).body(view);
		};
	}

	@GetMapping("/stats")
	@PreAuthorize("hasAuthority('activities:read')")
	@Operation(summary = "Figures of a unit of the caller's scope (default: the caller's unit) for events starting from..to (inclusive dates)")
	StatsView stats(@RequestParam(required = false) @Nullable Long unit,
			@RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to) {
		ActivityFigures.Report r = figures.report(unit == null ? null : new UnitId(unit), from, to);
		return new StatsView(r.unit().id().value(), r.unit().name(), r.from(), r.to(), FiguresView.of(r.total()),
				r.byUnit().stream().map(FiguresView::of).toList(), r.bySeries().stream().map(FiguresView::of).toList(),
				r.byMonth().stream().map(FiguresView::of).toList(), r.byKind().stream().map(FiguresView::of).toList());
	}
}
