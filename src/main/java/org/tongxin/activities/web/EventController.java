package org.tongxin.activities.web;

import static org.tongxin.platform.Texts.blankToNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.activities.Activities;
import org.tongxin.activities.Attendee;
import org.tongxin.activities.Audience;
import org.tongxin.activities.Event;
import org.tongxin.activities.EventFeedback;
import org.tongxin.activities.EventFilter;
import org.tongxin.activities.EventForm;
import org.tongxin.activities.EventId;
import org.tongxin.activities.EventKind;
import org.tongxin.activities.Registration;
import org.tongxin.activities.RegistrationId;
import org.tongxin.activities.Registrations;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.organisations.OrganisationSummary;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.PersonFilter;
import org.tongxin.people.PersonId;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.ConcurrentChange;
import org.tongxin.platform.Conflict;
import org.tongxin.platform.Exports;
import org.tongxin.platform.PageSize;
import org.tongxin.platform.Refused;
import org.tongxin.platform.Slice;
import org.tongxin.platform.SortOrder;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.web.ListPages;
import org.tongxin.platform.web.Redirects;

/** Events: list, detail with registrations and attendance, create, edit, QR codes and iCal. */
@Controller
class EventController {

	static final int PAGE_SIZE = 20;

	static final int REGISTRATIONS_PAGE = 100;

	private static final int QR_SIZE = 240;

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Activities activities;

	private final Registrations registrations;

	private final PeopleRegistry people;

	private final MessageSource messages;

	private final AuditLog audit;

	private final Clock clock;

	private final Exports exports;

	EventController(Activities activities, Registrations registrations, PeopleRegistry people, MessageSource messages,
			AuditLog audit, Clock clock, Exports exports) {
		this.exports = exports;
		this.clock = clock;
		this.activities = activities;
		this.registrations = registrations;
		this.people = people;
		this.messages = messages;
		this.audit = audit;
	}

	@GetMapping("/activities/events")
	@PreAuthorize("hasAuthority('activities:read')")
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long series,
			@RequestParam(required = false) @Nullable EventKind kind,
			@RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Long before, @RequestParam(required = false) @Nullable String sort,
			Model model) {
		EventFilter filter = filter(q, series, kind, from, to, clock.getZone());
		SortOrder order = SortOrder.chosen(sort, Activities.eventSorts());
		ListPages.show(model, "events", Slice.of(
				limit -> activities.events(filter, order, before == null ? null : new EventId(before), limit),
				PageSize.chosen(PAGE_SIZE), last -> last.id().value()));
		ListPages.showCappedTotal(model, cap -> activities.countEvents(filter, cap));
		model.addAttribute("allSeries", activities.allSeries());
		model.addAttribute("kinds", EventKind.values());
		model.addAttribute("q", q);
		model.addAttribute("seriesId", series);
		model.addAttribute("kind", kind);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("now", activities.now());
		return "activities/events";
	}

	@GetMapping("/activities/events/export.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('activities:read')")
	void export(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long series,
			@RequestParam(required = false) @Nullable EventKind kind,
			@RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to,
			Locale locale, HttpServletResponse response) throws IOException {
		var download = exports.xlsx(response, "activities.event.file", "activities.event.title",
				Exports.columns("activities.event.", "title", "series", "kind", "unit", "startsAt", "endsAt", "address",
						"capacity", "registered", "waitlisted", "checkedIn"));
		activities.exportEvents(filter(q, series, kind, from, to, clock.getZone()),
				rows -> download.write(rows.map(e -> List.of(e.title(), Forms.nz(e.seriesName()),
						text("activities.kind." + e.kind(), locale), e.unitName(),
								e.start(clock.getZone()).format(MINUTES),
						e.end(clock.getZone()).format(MINUTES), Forms.nz(e.address()), Forms.nz(e.capacity()),
						e.registered(), e.waitlisted(), e.checkedIn()))));
	}

	@GetMapping("/activities/events/{id}")
	@PreAuthorize("hasAuthority('activities:read')")
	String detail(@PathVariable long id, @RequestParam(required = false) @Nullable Long after, Model model) {
		Event event = find(id);
		model.addAttribute("e", event);
		ListPages.show(model, "attendees", Slice.of(limit -> registrations.attendees(event.id(), after, limit),
				REGISTRATIONS_PAGE, last -> last.registration().id().value()), "nextAfter");
		model.addAttribute("organisers", names(event.organisers()));
		model.addAttribute("siteName", siteName(event));
		model.addAttribute("audienceOrganisations", names(event.audienceOrganisations()));
		model.addAttribute("now", activities.now());
		// The averages cover every registration of the event, not only the page shown: counted by the database.
		EventFeedback feedback = registrations.feedbackOf(event.id());
		model.addAttribute("feedbacks", feedback.feedbacks());
		model.addAttribute("satisfaction", plain(feedback.satisfaction()));
		model.addAttribute("gain", plain(feedback.gain()));
		return "activities/event";
	}

	@GetMapping("/activities/events/{id}/registrations.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('activities:read')")
	void exportRegistrations(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
		Event event = find(id);
		List<Attendee> attendees = registrations.attendees(event.id());
		exports
			.xlsx(response, "activities.registration.file", "activities.registration.sheet",
					Exports.columns("activities.registration.", "name", "place", "status", "channel", "registeredAt",
							"checkedInAt", "hours", "satisfaction", "gain", "comment"))
			.audited(Registrations.AUDIT_REGISTRATION, event.id(), Map.of("rows", attendees.size()))
			.write(attendees.stream().map(a -> {
				Registration r = a.registration();
				return List.of(Forms.nz(a.name()), a.place(), text("activities.status." + r.status(), locale),
						text("activities.channel." + r.channel(), locale),
								r.registered(clock.getZone()).format(MINUTES),
						r.checkedInTime(clock.getZone()) == null ? "" : r.checkedInTime(clock.getZone()).format(MINUTES),
						Forms.nz(r.volunteerHours()), Forms.nz(r.satisfaction()), Forms.nz(r.gain()),
						Forms.nz(r.comment()));
			}));
	}

	@GetMapping("/activities/events/new")
	@PreAuthorize("hasAuthority('activities:write')")
	String create(@RequestParam(required = false) @Nullable Long series, Model model) {
		return form(model, EventForm.empty(series), null);
	}

	@PostMapping("/activities/events")
	@PreAuthorize("hasAuthority('activities:write')")
	String create(@Valid @ModelAttribute("form") EventForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		activities.problems(form).forEach((field, code) -> rejectOnce(errors, field, code));
		if (errors.hasErrors()) {
			return form(model, form, null);
		}
		try {
			Event event = activities.createEvent(form);
			return Redirects.saved(redirect, "/activities/events/" + event.id());
		}
		catch (Refused e) {
			Forms.reject(e, errors);
			return form(model, form, null);
		}
	}

	@GetMapping("/activities/events/{id}/edit")
	@PreAuthorize("hasAuthority('activities:write')")
	String edit(@PathVariable long id, Model model) {
		Event event = find(id);
		return form(model, EventForm.of(event, clock.getZone()), event);
	}

	@PostMapping("/activities/events/{id}")
	@PreAuthorize("hasAuthority('activities:write')")
	String update(@PathVariable long id, @RequestParam int version, @Valid @ModelAttribute("form") EventForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		Event event = find(id);
		activities.problems(form).forEach((field, code) -> rejectOnce(errors, field, code));
		if (errors.hasErrors()) {
			return form(model, form, event);
		}
		try {
			activities.updateEvent(event.id(), version, form);
		}
		catch (Refused e) {
			Forms.reject(e, errors);
			return form(model, form, event);
		}
		catch (ConcurrentChange e) {
			errors.reject("activities.concurrent");
			return form(model, form, event);
		}
		return Redirects.saved(redirect, "/activities/events/" + id);
	}

	/**
	 * The person picker: people of the caller's scope matching the search, as buttons to register or admit. It
	 * searches the people registry, so it takes the registry's read permission as well.
	 */
	@GetMapping("/activities/events/{id}/people")
	@PreAuthorize("hasAuthority('people:read') and (hasAuthority('activities:write') or hasAuthority('activities:checkin'))")
	String people(@PathVariable long id, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "register") String mode, Model model) {
		Event event = find(id);
		String query = blankToNull(q);
		model.addAttribute("e", event);
		model.addAttribute("mode", "walkin".equals(mode) ? "walkin" : "register");
		model.addAttribute("q", query);
		model.addAttribute("found", query == null ? List.of() : people.page(PersonFilter.query(query), null, 10));
		return "activities/people-picker :: results";
	}

	@PostMapping("/activities/events/{id}/registrations")
	@PreAuthorize("hasAuthority('activities:write')")
	String register(@PathVariable long id, @RequestParam long personId, Locale locale, RedirectAttributes redirect) {
		Event event = find(id);
		try {
			Registration registration = registrations.register(event.id(), new PersonId(personId));
			redirect.addFlashAttribute("notice", text("activities.registered." + registration.status(), locale));
		}
		catch (Conflict e) {
			redirect.addFlashAttribute("refused", Forms.refusal(messages, e, locale));
		}
		return "redirect:/activities/events/" + id;
	}

	@PostMapping("/activities/registrations/{id}/cancel")
	@PreAuthorize("hasAuthority('activities:write')")
	String cancel(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		Registration registration = registrations.get(new RegistrationId(id));
		try {
			registrations.cancel(registration.id()).ifPresentOrElse(
					promoted -> redirect.addFlashAttribute("notice", text("activities.cancelled.promoted", locale)),
					() -> redirect.addFlashAttribute("notice", text("activities.cancelled", locale)));
		}
		catch (Conflict e) {
			redirect.addFlashAttribute("refused", Forms.refusal(messages, e, locale));
		}
		return "redirect:/activities/events/" + registration.event();
	}

	@PostMapping("/activities/registrations/{id}/hours")
	@PreAuthorize("hasAuthority('activities:write')")
	String hours(@PathVariable long id, @RequestParam(required = false) @Nullable BigDecimal hours, Locale locale,
			RedirectAttributes redirect) {
		return recordAttendance(id, registration -> registrations.volunteerHours(registration, hours), "common.saved",
				"activities.hours.range", locale, redirect);
	}

	@PostMapping("/activities/registrations/{id}/feedback")
	@PreAuthorize("hasAuthority('activities:write')")
	String feedback(@PathVariable long id, @RequestParam(defaultValue = "0") int satisfaction,
			@RequestParam(defaultValue = "0") int gain, @RequestParam(required = false) @Nullable String comment,
			Locale locale, RedirectAttributes redirect) {
		return recordAttendance(id,
				registration -> registrations.feedback(registration, satisfaction, gain, comment),
				"activities.feedback.saved", "activities.feedback.range", locale, redirect);
	}

	/**
	 * Records something about one attendance and goes back to the event's attendance list with the notice
	 * {@code saved}, or with why not: the registration's state refuses it, or a value is out of its range.
	 */
	private String recordAttendance(long id, Consumer<RegistrationId> record, String saved, String outOfRange,
			Locale locale, RedirectAttributes redirect) {
		Registration registration = registrations.get(new RegistrationId(id));
		try {
			record.accept(registration.id());
			redirect.addFlashAttribute("notice", text(saved, locale));
		}
		catch (Conflict e) {
			redirect.addFlashAttribute("refused", Forms.refusal(messages, e, locale));
		}
		catch (Refused e) {
			redirect.addFlashAttribute("refused", text(outOfRange, locale));
		}
		return "redirect:/activities/events/" + registration.event() + "#attendance";
	}

	/**
	 * The registration's ticket: a QR code of its random code, for the door of that event only. The code admits
	 * its holder, so only staff who register people or admit them at the door may see it, not every reader.
	 */
	@GetMapping(path = "/activities/registrations/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	@PreAuthorize("hasAuthority('activities:write') or hasAuthority('activities:checkin')")
	ResponseEntity<byte[]> qr(@PathVariable long id) throws WriterException, IOException {
		Registration registration = registrations.get(new RegistrationId(id));
		BitMatrix matrix = new QRCodeWriter().encode(registration.code(), BarcodeFormat.QR_CODE, QR_SIZE, QR_SIZE,
				Map.of(EncodeHintType.MARGIN, 4));
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		MatrixToImageWriter.writeToStream(matrix, "PNG", png);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(png.toByteArray());
	}

	@GetMapping("/activities/registrations/{id}/ticket")
	@PreAuthorize("hasAuthority('activities:write') or hasAuthority('activities:checkin')")
	String ticket(@PathVariable long id, Model model) {
		Registration registration = registrations.get(new RegistrationId(id));
		audit.revealed(Registrations.AUDIT_REGISTRATION, registration.id(), "code", "查看签到码");
		model.addAttribute("r", registration);
		model.addAttribute("e", find(registration.event().value()));
		model.addAttribute("name", people.find(registration.person()).map(p -> p.name()).orElse(null));
		return "activities/ticket";
	}

	@GetMapping(path = "/activities/events/{id}.ics")
	@PreAuthorize("hasAuthority('activities:read')")
	ResponseEntity<byte[]> ical(@PathVariable long id) {
		Event event = find(id);
		String body = ICalendar.of(event, siteName(event), names(event.organisers()), activities.now());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("event-" + id + ".ics").build().toString())
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

	private String form(Model model, EventForm form, @Nullable Event event) {
		model.addAttribute("form", form);
		model.addAttribute("e", event);
		model.addAttribute("allSeries", activities.allSeries());
		model.addAttribute("organisations", activities.organisations());
		model.addAttribute("sites", activities.sites());
		model.addAttribute("kinds", EventKind.values());
		model.addAttribute("audiences", Audience.values());
		model.addAttribute("groups", TargetGroup.CODES);
		return "activities/event-form";
	}

	/** The rules of the facade on top of bean validation, so that the form shows every problem at once. */
	private static void rejectOnce(BindingResult errors, String field, String code) {
		if (!errors.hasFieldErrors(field)) {
			errors.rejectValue(field, code);
		}
	}

	private @Nullable String siteName(Event event) {
		return event.site() == null ? null : activities.site(event.site()).map(s -> s.name()).orElse(null);
	}

	private List<String> names(List<OrganisationId> ids) {
		return ids.stream()
			.map(o -> activities.organisation(o).map(OrganisationSummary::name).orElse(null))
			.filter(Objects::nonNull)
			.toList();
	}

	private static @Nullable String plain(@Nullable BigDecimal value) {
		return value == null ? null : value.toPlainString();
	}

	private Event find(long id) {
		return activities.getEvent(new EventId(id));
	}

	static EventFilter filter(@Nullable String q, @Nullable Long series, @Nullable EventKind kind,
			@Nullable LocalDate from, @Nullable LocalDate to, ZoneId zone) {
		return new EventFilter(blankToNull(q), series, kind,
				from == null ? null : from.atStartOfDay(zone).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), null);
	}

	private String text(String key, Locale locale) {
		return Forms.text(messages, key, locale);
	}
}
