package org.tongxin.activities;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.activities.internal.AllSeries;
import org.tongxin.activities.internal.Events;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.organisations.OrganisationSummary;
import org.tongxin.organisations.Organisations;
import org.tongxin.platform.Actor;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.ConcurrentChange;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.SortOrder;
import org.tongxin.platform.Exports;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.Refused;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.Units;
import org.tongxin.platform.XlsxExport;
import org.tongxin.programme.ProgrammeMap;
import org.tongxin.programme.Site;
import org.tongxin.programme.SiteFilter;
import org.tongxin.programme.SiteId;
import org.tongxin.projects.KeyProjects;
import org.tongxin.projects.ProjectId;

/**
 * Brand series and events. Everything runs in the caller's data scope on the owning unit, which is the
 * unit of the account that creates the series or event; organisations and key projects named on them
 * must be visible to the caller too. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class Activities {

	public static final String AUDIT_SERIES = "activities-series";

	public static final String AUDIT_EVENT = "activities-event";

	private final AllSeries series;

	private final Events events;

	private final Organisations organisations;

	private final KeyProjects projects;

	private final ProgrammeMap programme;

	private final Units units;

	private final Registrations registrations;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final Clock clock;

	private final Exports exports;

	Activities(AllSeries series, Events events, Organisations organisations, KeyProjects projects,
			ProgrammeMap programme, Units units, Registrations registrations, CurrentUser currentUser, AuditLog audit,
			Clock clock, Exports exports) {
		this.exports = exports;
		this.registrations = registrations;
		this.programme = programme;
		this.units = units;
		this.series = series;
		this.events = events;
		this.organisations = organisations;
		this.projects = projects;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	public Instant now() {
		return clock.instant();
	}

	// Series

	public List<Series> seriesPage(@Nullable String text, @Nullable Long before, int size) {
		return series.page(scope(), text, before, size);
	}

	public List<Series> allSeries() {
		return series.all(scope());
	}

	public Optional<Series> series(SeriesId id) {
		return series.find(scope(), id);
	}

	public Series getSeries(SeriesId id) {
		return series(id).orElseThrow(() -> new NotFound("series", id));
	}

	@Transactional
	public Series createSeries(SeriesForm form) {
		Actor actor = currentUser.actor();
		check(form, actor, null);
		SeriesId id = series.insert(actor.unit(), form);
		Series created = getSeries(id);
		audit.created(AUDIT_SERIES, id, created);
		return created;
	}

	@Transactional
	public Series updateSeries(SeriesId id, int version, SeriesForm form) {
		Series before = getSeries(id);
		check(form, currentUser.actor(), before);
		if (!series.update(id, version, form)) {
			throw new ConcurrentChange(id);
		}
		Series after = getSeries(id);
		audit.updated(AUDIT_SERIES, id, before, after);
		return after;
	}

	private void check(SeriesForm form, Actor actor, @Nullable Series self) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = form.name() == null ? "" : form.name().strip();
		if (series.nameTaken(self == null ? actor.unit() : self.unit(), name, self == null ? null : self.id())) {
			errors.put("name", "activities.series.name.taken");
		}
		if (form.projectId() != null && projects.project(new ProjectId(form.projectId())).isEmpty()) {
			errors.put("projectId", "activities.series.project.unknown");
		}
		if (!form.organisations().stream().allMatch(o -> organisations.find(new OrganisationId(o)).isPresent())) {
			errors.put("organisationIds", "activities.organisation.unknown");
		}
		if (!errors.isEmpty()) {
			throw Refused.fields(errors);
		}
	}

	// Events

	public List<Event> events(EventFilter filter, @Nullable EventId before, int size) {
		return events(filter, null, before, size);
	}

	/** The columns the event list may be sorted by. */
	public static Map<String, String> eventSorts() {
		return Events.SORTS;
	}

	/** One page in the order chosen ({@link SortOrder}; null: latest first). */
	public List<Event> events(EventFilter filter, @Nullable SortOrder sort, @Nullable EventId before, int size) {
		Event last = before == null ? null : events.find(scope(), before).orElse(null);
		return events.page(scope(), filter, sort, last, size);
	}

	/** The number of events the filter finds, exact up to {@code cap}. */
	public long countEvents(EventFilter filter, long cap) {
		return events.countUpTo(scope(), filter, cap);
	}

	/**
	 * Events overlapping [from, to), by start, for the calendar: of a unit of the caller's scope and below (the
	 * caller's own unit when null), optionally only those an organisation organises.
	 */
	public List<Event> between(Instant from, Instant to, @Nullable UnitId unit, @Nullable OrganisationId organiser) {
		DataScope scope = scope();
		if (unit != null) {
			Unit chosen = units.find(scope, unit).orElseThrow(() -> new NotFound("unit", unit));
			scope = new DataScope(chosen.id(), chosen.path());
		}
		return events.list(scope,
				new EventFilter(null, null, null, from, to, organiser == null ? null : organiser.value()));
	}

	/**
	 * Audits the export, then streams the scoped events into {@code sink}. Read-write: the audit entry is an
	 * insert, which the class's read-only default would refuse (every event export failed with a 500).
	 */
	@Transactional
	public void exportEvents(EventFilter filter, XlsxExport.Sink<Event> sink) throws IOException {
		exports.record(AUDIT_EVENT, null, Map.of("rows", countEvents(filter, Long.MAX_VALUE)));
		try (Stream<Event> rows = events.stream(scope(), filter)) {
			sink.accept(rows);
		}
	}

	public Optional<Event> event(EventId id) {
		return events.find(scope(), id);
	}

	public Event getEvent(EventId id) {
		return event(id).orElseThrow(() -> new NotFound("event", id));
	}

	@Transactional
	public Event createEvent(EventForm form) {
		Actor actor = currentUser.actor();
		check(form);
		EventId id = events.insert(actor.unit(), form);
		Event created = getEvent(id);
		audit.created(AUDIT_EVENT, id, auditView(created));
		return created;
	}

	/**
	 * Updates under the event's row lock, like registrations: the number registered that the new capacity is
	 * checked against cannot change in between. Places a raised capacity opens go to the waiting list, in order.
	 */
	@Transactional
	public Event updateEvent(EventId id, int version, EventForm form) {
		if (!events.lock(scope(), id)) {
			throw new NotFound("event", id);
		}
		Event before = getEvent(id);
		check(form);
		if (form.capacity() != null && form.capacity() < before.registered()) {
			throw Refused.fields(Map.of("capacity", "activities.event.capacity.belowRegistered"));
		}
		if (!events.update(id, version, form)) {
			throw new ConcurrentChange(id);
		}
		registrations.fillFromWaitingList(id);
		Event after = getEvent(id);
		audit.updated(AUDIT_EVENT, id, auditView(before), auditView(after));
		return after;
	}

	/** Open demonstration sites of the caller's scope, where events may take place. */
	public List<Site> sites() {
		return programme.sites(new SiteFilter(null, null, null, false), null, 500);
	}

	public Optional<Site> site(SiteId id) {
		return programme.site(id);
	}

	/** Organisations the caller may name as organisers or audience. */
	public List<OrganisationSummary> organisations() {
		return organisations.active();
	}

	public Optional<OrganisationSummary> organisation(OrganisationId id) {
		return organisations.find(id);
	}

	private void check(EventForm form) {
		Map<String, String> errors = problems(form);
		if (!errors.isEmpty()) {
			throw Refused.fields(errors);
		}
	}

	/** What the rules of events find wrong with the form, beyond bean validation: field → message key. */
	public Map<String, String> problems(EventForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDateTime starts = form.startsAt();
		LocalDateTime ends = form.endsAt();
		if (starts != null && ends != null && ends.isBefore(starts)) {
			errors.put("endsAt", "activities.event.endsAt.beforeStart");
		}
		if (form.registrationOpens() != null && form.registrationCloses() != null
				&& form.registrationCloses().isBefore(form.registrationOpens())) {
			errors.put("registrationCloses", "activities.event.registrationCloses.beforeOpens");
		}
		if (ends != null && form.registrationCloses() != null && form.registrationCloses().isAfter(ends)) {
			errors.put("registrationCloses", "activities.event.registrationCloses.afterEnd");
		}
		if (form.seriesId() != null && series(new SeriesId(form.seriesId())).isEmpty()) {
			errors.put("seriesId", "activities.event.series.unknown");
		}
		if (!form.organisers().stream().allMatch(o -> organisations.find(new OrganisationId(o)).isPresent())) {
			errors.put("organiserIds", "activities.organisation.unknown");
		}
		if (form.siteId() != null && programme.site(new SiteId(form.siteId())).isEmpty()) {
			errors.put("siteId", "activities.event.site.unknown");
		}
		if ((form.address() == null || form.address().isBlank()) && form.siteId() == null && form.kind() != EventKind.ONLINE) {
			errors.put("address", "activities.event.address.required");
		}
		if (form.audience() == Audience.GROUPS
				&& (form.groups().isEmpty() || !TargetGroup.CODES.containsAll(form.groups()))) {
			errors.put("audienceGroups", "activities.event.audienceGroups.required");
		}
		if (form.audience() == Audience.MEMBERS) {
			if (form.audienceOrganisations().isEmpty()) {
				errors.put("audienceOrganisationIds", "activities.event.audienceOrganisations.required");
			}
			else if (!form.audienceOrganisations()
				.stream()
				.allMatch(o -> organisations.find(new OrganisationId(o)).isPresent())) {
				errors.put("audienceOrganisationIds", "activities.organisation.unknown");
			}
		}
		return errors;
	}

	/** The audit entry keeps what was decided, not the moving counts. */
	private static Map<String, @Nullable Object> auditView(Event e) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("title", e.title());
		view.put("unit", e.unit().value());
		view.put("series", e.series() == null ? null : e.series().value());
		view.put("kind", e.kind());
		view.put("organisers", e.organisers().stream().map(OrganisationId::value).toList());
		view.put("site", e.site() == null ? null : e.site().value());
		view.put("address", e.address());
		view.put("startsAt", e.startsAt().toString());
		view.put("endsAt", e.endsAt().toString());
		view.put("capacity", e.capacity());
		view.put("audience", e.audience());
		view.put("audienceGroups", e.audienceGroups());
		view.put("audienceOrganisations", e.audienceOrganisations().stream().map(OrganisationId::value).toList());
		view.put("registrationOpens", e.registrationOpens() == null ? null : e.registrationOpens().toString());
		view.put("registrationCloses", e.registrationCloses() == null ? null : e.registrationCloses().toString());
		return view;
	}

	private DataScope scope() {
		return currentUser.scope();
	}
}
