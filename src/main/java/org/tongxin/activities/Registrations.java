package org.tongxin.activities;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.activities.internal.Enrolments;
import org.tongxin.activities.internal.Events;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.organisations.Organisations;
import org.tongxin.people.ConsentState;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.Person;
import org.tongxin.people.PersonId;
import org.tongxin.people.PersonSummary;
import org.tongxin.platform.AuditFields;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.Conflict;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.Refused;
import org.tongxin.platform.TargetGroup;

/**
 * Registration, the waiting list, check-in, volunteer hours and feedback.
 * <p>
 * Every change to the registrations of an event first locks the event's row ({@code select … for update}),
 * so that concurrent registrations, cancellations and walk-ins of one event run one after the other: the
 * places counted are the places taken, and nobody is booked beyond the capacity. Staff act in their data
 * scope (event and person both in scope). A portal for the people themselves will call {@link #enrol}
 * once it has established who the person is; it applies the same rules without a staff scope.
 */
@Service
@Transactional(readOnly = true)
public class Registrations {

	public static final String AUDIT_REGISTRATION = "activities-registration";

	private final Events events;

	private final Enrolments enrolments;

	private final PeopleRegistry people;

	private final Organisations organisations;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final Clock clock;

	/** How long before an event's start its door opens: no check-in earlier (tongxin.activities.check-in-opens-before). */
	private final Duration checkInOpensBefore;

	/** More matches than any event has registrations: a search beyond this is too vague to filter by. */
	private static final int PERSON_MATCHES = 10_000;

	Registrations(Events events, Enrolments enrolments, PeopleRegistry people, Organisations organisations,
			CurrentUser currentUser, AuditLog audit, Clock clock,
			@Value("${tongxin.activities.check-in-opens-before:2h}") Duration checkInOpensBefore) {
		this.events = events;
		this.enrolments = enrolments;
		this.people = people;
		this.organisations = organisations;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
		this.checkInOpensBefore = checkInOpensBefore;
	}

	/** Registrations of an event in the caller's scope, with names as the registry shows them to the caller. */
	public List<Attendee> attendees(EventId event) {
		return attendees(event, null, Integer.MAX_VALUE);
	}

	/** The feedback on an event of the caller's scope: count and averages, computed by the database. */
	public EventFeedback feedbackOf(EventId event) {
		return enrolments.feedback(scope(), event);
	}

	/**
	 * One page of {@link #attendees(EventId)}, in order of registration; {@code after} is the last id shown.
	 * The names come from the registry in one batch per page, not one look-up per row.
	 */
	public List<Attendee> attendees(EventId event, @Nullable Long after, int size) {
		List<Registration> page = enrolments.ofEvent(scope(), event, after, size);
		Map<PersonId, PersonSummary> persons = people.summaries(page.stream().map(Registration::person).toList());
		return page.stream().map(r -> attendee(r, persons.get(r.person()))).toList();
	}

	public Optional<Registration> registration(RegistrationId id) {
		return enrolments.find(scope(), id);
	}

	public Registration get(RegistrationId id) {
		return registration(id).orElseThrow(() -> new NotFound("registration", id));
	}

	/** A person's registrations for events in the caller's scope, newest event first. */
	public List<Registration> ofPerson(PersonId person) {
		return enrolments.ofPerson(scope(), person);
	}

	/** Staff register a person of their scope for an event of their scope. */
	@Transactional
	public Registration register(EventId eventId, PersonId personId) {
		lockInScope(eventId);
		Person person = person(personId);
		return enrol(eventId, person, Channel.STAFF);
	}

	/**
	 * Registers a person whose identity the caller has established: the registration window, the audience
	 * and the capacity apply. Confirmed while places are left, on the waiting list after that.
	 */
	@Transactional
	public Registration enrol(EventId eventId, Person person, Channel channel) {
		events.lock(eventId);
		Event event = events.find(DataScope.everywhere(), eventId).orElseThrow(() -> new NotFound("event", eventId));
		Instant now = clock.instant();
		if (event.registrationOpens() != null && now.isBefore(event.registrationOpens())) {
			throw new Conflict("activities.refused.notOpen");
		}
		Instant closes = event.registrationCloses() != null ? event.registrationCloses() : event.endsAt();
		if (now.isAfter(closes)) {
			throw new Conflict("activities.refused.closed");
		}
		checkAudience(event, person);
		Optional<Registration> existing = enrolments.of(eventId, person.id());
		if (existing.isPresent() && existing.get().active()) {
			throw new Conflict(existing.get().status() == RegistrationStatus.WAITLISTED
					? "activities.refused.alreadyWaitlisted" : "activities.refused.alreadyRegistered");
		}
		RegistrationStatus status = event.capacity() == null || enrolments.registered(eventId) < event.capacity()
				? RegistrationStatus.REGISTERED : RegistrationStatus.WAITLISTED;
		RegistrationId id;
		if (existing.isPresent()) {
			id = existing.get().id();
			enrolments.reopen(id, status, channel);
		}
		else {
			id = enrolments.insert(eventId, person.id(), status, channel, null, null);
		}
		Registration registration = enrolments.find(DataScope.everywhere(), id).orElseThrow();
		audit.created(AUDIT_REGISTRATION, id, auditView(registration));
		return registration;
	}

	/** Cancels; a confirmed place that frees up goes to the first on the waiting list. */
	@Transactional
	public Optional<Registration> cancel(RegistrationId id) {
		Registration registration = get(id);
		lockInScope(registration.event());
		registration = get(id);
		if (!registration.active()) {
			return Optional.empty();
		}
		if (registration.checkedIn()) {
			throw new Conflict("activities.refused.cancelCheckedIn");
		}
		enrolments.status(id, RegistrationStatus.CANCELLED);
		audit.updated(AUDIT_REGISTRATION, id, Map.of("status", registration.status()),
				Map.of("status", RegistrationStatus.CANCELLED));
		if (registration.status() != RegistrationStatus.REGISTERED) {
			return Optional.empty();
		}
		return promote(registration.event(), "promotedAfter", id.value()).stream().findFirst();
	}

	/**
	 * Gives the places left on an event of the caller's scope to its waiting list, in queue order, each
	 * promotion audited; for when the capacity was raised. Takes the event's row lock (again, when the caller
	 * holds it already). Returns those promoted, in order.
	 */
	@Transactional
	public List<Registration> fillFromWaitingList(EventId eventId) {
		lockInScope(eventId);
		return promote(eventId, "promotedBy", "capacity");
	}

	/** Under the event's row lock: min(places left, waiting) of the waiting list become registered, in order. */
	private List<Registration> promote(EventId eventId, String reason, Object detail) {
		Event event = events.find(DataScope.everywhere(), eventId).orElseThrow();
		int places = event.capacity() == null ? Integer.MAX_VALUE
				: (int) Math.max(0, event.capacity() - enrolments.registered(eventId));
		if (places == 0) {
			return List.of();
		}
		List<Registration> promoted = new java.util.ArrayList<>();
		for (RegistrationId next : enrolments.waiting(eventId, places)) {
			enrolments.status(next, RegistrationStatus.REGISTERED);
			audit.updated(AUDIT_REGISTRATION, next, Map.of("status", RegistrationStatus.WAITLISTED),
					Map.of("status", RegistrationStatus.REGISTERED, reason, detail));
			promoted.add(enrolments.find(DataScope.everywhere(), next).orElseThrow());
		}
		return promoted;
	}

	/**
	 * The person was anonymised in the registry: they will attend nothing more, and what they wrote
	 * themselves goes. Places at events still to come are given up (the waiting list moves up, as on any
	 * cancellation); the comments of their feedback are erased. Registrations of past events stay, without a
	 * name, for the figures. Runs in the anonymisation's transaction, whatever the caller's scope: the
	 * registry has checked the person is the caller's to anonymise, and their registrations anywhere are theirs.
	 */
	void anonymised(PersonId person) {
		Instant now = clock.instant();
		for (Registration registration : enrolments.ofPerson(DataScope.everywhere(), person)) {
			if (!registration.active() || registration.checkedIn()) {
				continue;
			}
			events.lock(DataScope.everywhere(), registration.event());
			Event event = events.find(DataScope.everywhere(), registration.event()).orElseThrow();
			if (!event.startsAt().isAfter(now)) {
				continue;
			}
			enrolments.status(registration.id(), RegistrationStatus.CANCELLED);
			audit.updated(AUDIT_REGISTRATION, registration.id(), Map.of("status", registration.status()),
					Map.of("status", RegistrationStatus.CANCELLED, "reason", "personAnonymised"));
			if (registration.status() == RegistrationStatus.REGISTERED) {
				promote(registration.event(), "promotedAfter", registration.id().value());
			}
		}
		for (Long erased : enrolments.eraseFeedbackComments(person)) {
			// Which field changed, not what it said (decision 0006).
			audit.updated(AUDIT_REGISTRATION, new RegistrationId(erased), Map.of(),
					Map.of("feedbackComment", "erased", "reason", "personAnonymised"));
		}
	}

	/** A code presented at the door of {@code eventId}: scanned from the QR code or typed. */
	@Transactional
	public CheckIn checkIn(EventId eventId, String code) {
		lockInScope(eventId);
		Optional<CheckIn> early = tooEarly(eventId);
		if (early.isPresent()) {
			return early.get();
		}
		Optional<Registration> found = enrolments.byCode(Enrolments.normalise(code));
		if (found.isEmpty()) {
			return new CheckIn(CheckIn.Outcome.UNKNOWN_CODE, null, null, null);
		}
		Registration registration = found.get();
		if (!registration.event().equals(eventId)) {
			// Nothing about the other event or its person: it may lie outside the caller's scope.
			return new CheckIn(CheckIn.Outcome.OTHER_EVENT, null, null, null);
		}
		return admit(registration);
	}

	/**
	 * Someone at the door without a confirmed registration: registered and checked in at once, beyond the
	 * capacity (they are in the room). The audience rule still applies.
	 */
	@Transactional
	public CheckIn walkIn(EventId eventId, PersonId personId) {
		lockInScope(eventId);
		Optional<CheckIn> early = tooEarly(eventId);
		if (early.isPresent()) {
			return early.get();
		}
		Event event = events.find(scope(), eventId).orElseThrow();
		Person person = person(personId);
		checkAudience(event, person);
		Instant now = clock.instant();
		String by = currentUser.actor().username();
		Optional<Registration> existing = enrolments.of(eventId, personId);
		RegistrationId id;
		if (existing.isPresent()) {
			Registration registration = existing.get();
			if (registration.checkedIn() && registration.status() == RegistrationStatus.REGISTERED) {
				return new CheckIn(CheckIn.Outcome.ALREADY_CHECKED_IN, registration.id(), person.name(),
						registration.checkedInAt());
			}
			id = registration.id();
			if (registration.status() == RegistrationStatus.CANCELLED) {
				enrolments.reopen(id, RegistrationStatus.REGISTERED, Channel.WALK_IN);
			}
			else {
				enrolments.status(id, RegistrationStatus.REGISTERED);
			}
			enrolments.checkIn(id, now, by);
		}
		else {
			id = enrolments.insert(eventId, personId, RegistrationStatus.REGISTERED, Channel.WALK_IN, now, by);
		}
		audit.created(AUDIT_REGISTRATION, id, auditView(enrolments.find(DataScope.everywhere(), id).orElseThrow()));
		return new CheckIn(CheckIn.Outcome.CHECKED_IN, id, person.name(), now);
	}

	/**
	 * The door's list: one page of the confirmed registrations of an event of the caller's scope, in order of
	 * registration ({@code after}: the last id shown), optionally narrowed by the search box (a name or a phone
	 * tail, found by the registry's search within the caller's scope).
	 */
	public List<Attendee> checkInList(EventId event, @Nullable String query, @Nullable Long after, int size) {
		events.find(scope(), event).orElseThrow(() -> new NotFound("event", event));
		List<Long> persons = query == null || query.isBlank() ? null
				: people.idsMatching(query.strip(), PERSON_MATCHES).stream().map(PersonId::value).toList();
		List<Registration> page = enrolments.forCheckIn(scope(), event, persons, after, size);
		Map<PersonId, PersonSummary> summaries = people.summaries(page.stream().map(Registration::person).toList());
		return page.stream().map(r -> attendee(r, summaries.get(r.person()))).toList();
	}

	/** The button beside a name on the door's list: the same rules as a code presented at the door. */
	@Transactional
	public CheckIn checkIn(EventId eventId, RegistrationId id) {
		lockInScope(eventId);
		Registration registration = ofEvent(eventId, id);
		Optional<CheckIn> early = tooEarly(eventId);
		if (early.isPresent()) {
			return early.get();
		}
		return admit(registration);
	}

	/** A confirmed registration, not yet checked in, is checked in now; by a code or by the list's button alike. */
	private CheckIn admit(Registration registration) {
		String name = name(registration.person());
		if (registration.status() != RegistrationStatus.REGISTERED) {
			return new CheckIn(CheckIn.Outcome.NOT_CONFIRMED, registration.id(), name, null);
		}
		if (registration.checkedIn()) {
			return new CheckIn(CheckIn.Outcome.ALREADY_CHECKED_IN, registration.id(), name, registration.checkedInAt());
		}
		Instant now = clock.instant();
		enrolments.checkIn(registration.id(), now, currentUser.actor().username());
		audit.updated(AUDIT_REGISTRATION, registration.id(), Map.of("checkedIn", false), Map.of("checkedIn", true));
		return new CheckIn(CheckIn.Outcome.CHECKED_IN, registration.id(), name, now);
	}

	/**
	 * Takes back a check-in made by mistake: only on the day it was made (in China Standard Time), and only while
	 * no volunteer hours or feedback rest on it. Returns the person's name as the caller may see it.
	 */
	@Transactional
	public @Nullable String undoCheckIn(EventId eventId, RegistrationId id) {
		lockInScope(eventId);
		Registration registration = ofEvent(eventId, id);
		Instant checkedIn = registration.checkedInAt();
		if (checkedIn == null) {
			throw new Conflict("activities.refused.notCheckedIn");
		}
		Instant today = clock.instant().atZone(clock.getZone()).toLocalDate().atStartOfDay(clock.getZone()).toInstant();
		if (checkedIn.isBefore(today)) {
			throw new Conflict("activities.refused.undoCheckInDay");
		}
		if (!enrolments.undoCheckIn(id, today)) {
			throw new Conflict("activities.refused.undoCheckInRecorded");
		}
		audit.updated(AUDIT_REGISTRATION, id, Map.of("checkedIn", true), Map.of("checkedIn", false));
		return name(registration.person());
	}

	/** The first moment an event's door opens: {@code check-in-opens-before} ahead of its start. */
	public Instant checkInOpens(Event event) {
		return event.startsAt().minus(checkInOpensBefore);
	}

	private Optional<CheckIn> tooEarly(EventId eventId) {
		Event event = events.find(scope(), eventId).orElseThrow(() -> new NotFound("event", eventId));
		Instant opens = checkInOpens(event);
		return clock.instant().isBefore(opens) ? Optional.of(new CheckIn(CheckIn.Outcome.TOO_EARLY, null, null, opens))
				: Optional.empty();
	}

	/** A registration of that event in the caller's scope; one of another event is not found here. */
	private Registration ofEvent(EventId eventId, RegistrationId id) {
		return enrolments.find(scope(), id)
			.filter(r -> r.event().equals(eventId))
			.orElseThrow(() -> new NotFound("registration", id));
	}

	/** Volunteer hours of an attendee of a public-welfare event; null clears them. */
	@Transactional
	public void volunteerHours(RegistrationId id, @Nullable BigDecimal hours) {
		Registration registration = get(id);
		Event event = events.find(scope(), registration.event()).orElseThrow();
		if (!event.volunteering()) {
			throw new Conflict("activities.refused.hoursNotVolunteer");
		}
		if (!registration.checkedIn()) {
			throw new Conflict("activities.refused.notAttended");
		}
		if (hours != null && (hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(999)) > 0)) {
			throw Refused.fields(Map.of("hours", "activities.hours.range"));
		}
		enrolments.volunteerHours(id, hours);
		audit.updated(AUDIT_REGISTRATION, id, mapOf("volunteerHours", registration.volunteerHours()),
				mapOf("volunteerHours", hours));
	}

	/** 满意度 and 获得感 (1–5) with a comment, by an attendee or by staff for them, once the event has begun. */
	@Transactional
	public void feedback(RegistrationId id, int satisfaction, int gain, @Nullable String comment) {
		Registration registration = get(id);
		Event event = events.find(scope(), registration.event()).orElseThrow();
		if (!event.started(clock.instant())) {
			throw new Conflict("activities.refused.feedbackTooEarly");
		}
		if (!registration.checkedIn()) {
			throw new Conflict("activities.refused.notAttended");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (satisfaction < 1 || satisfaction > 5) {
			errors.put("satisfaction", "activities.feedback.range");
		}
		if (gain < 1 || gain > 5) {
			errors.put("gain", "activities.feedback.range");
		}
		if (comment != null && comment.length() > 1000) {
			errors.put("comment", "activities.feedback.comment.size");
		}
		if (!errors.isEmpty()) {
			throw Refused.fields(errors);
		}
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		enrolments.feedback(id, satisfaction, gain, text, currentUser.actor().username());
		Map<String, @Nullable Object> after = new LinkedHashMap<>();
		after.put("satisfaction", satisfaction);
		after.put("gain", gain);
		after.put("comment", text);
		// The participant's own words stay out of the log: the comment is recorded as changed.
		audit.updated(AUDIT_REGISTRATION, id,
				mapOf("satisfaction", registration.satisfaction(), "gain", registration.gain()), after,
				AuditFields.personal("comment"));
	}

	private void checkAudience(Event event, Person person) {
		// PIPL: a person who withdrew basic consent is in no audience until consent is given again (issue 9, item 7).
		if (person.consentState() == ConsentState.WITHDRAWN) {
			throw new Conflict("activities.refused.consentWithdrawn");
		}
		switch (event.audience()) {
			case OPEN -> {
			}
			case GROUPS -> {
				if (!event.audienceGroups().contains(person.group())) {
					TargetGroup group = TargetGroup.of(person.group());
					throw new Conflict("activities.refused.audienceGroups",
							group == null ? person.group() : group.label());
				}
			}
			case MEMBERS -> {
				boolean member = false;
				for (OrganisationId organisation : event.audienceOrganisations()) {
					member = member || organisations.isActiveMember(organisation, person.id());
				}
				if (!member) {
					throw new Conflict("activities.refused.audienceMembers");
				}
			}
		}
	}

	private static Attendee attendee(Registration registration, @Nullable PersonSummary person) {
		return person == null ? new Attendee(registration, null, null, "")
				: new Attendee(registration, person.name(), person.group(), person.place());
	}

	private @Nullable String name(PersonId id) {
		return people.find(id).map(Person::name).orElse(null);
	}

	/** A person of the caller's scope; one merged away as a duplicate is refused: the survivor is the person now. */
	private Person person(PersonId id) {
		Person person = people.get(id);
		if (people.mergedInto(id).isPresent()) {
			throw new Conflict("activities.refused.mergedAway");
		}
		return person;
	}

	private void lockInScope(EventId id) {
		if (!events.lock(scope(), id)) {
			throw new NotFound("event", id);
		}
	}

	private DataScope scope() {
		return currentUser.scope();
	}

	/** The whole hierarchy: for reads after the caller's scope was checked, or for the portal. */

	private static Map<String, @Nullable Object> mapOf(Object... pairs) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private static Map<String, Object> auditView(Registration r) {
		return Map.of("event", r.event().value(), "person", r.person().value(), "status", r.status(), "channel",
				r.channel());
	}
}
