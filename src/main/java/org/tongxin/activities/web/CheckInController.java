package org.tongxin.activities.web;

import static org.tongxin.platform.Texts.blankToNull;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.activities.Activities;
import org.tongxin.activities.CheckIn;
import org.tongxin.activities.Event;
import org.tongxin.activities.EventId;
import org.tongxin.activities.RegistrationId;
import org.tongxin.activities.Registrations;
import org.tongxin.people.PersonId;
import org.tongxin.platform.Conflict;
import org.tongxin.platform.Slice;
import org.tongxin.platform.web.ListPages;

/**
 * The door of an event, made for a phone: one big field that a scanner types into (or a person), the
 * outcome in large letters, the list of registered people with a button each (search by name or phone tail,
 * undo within the day), and walk-ins found by name and admitted on the spot.
 */
@Controller
class CheckInController {

	private final Activities activities;

	private final Registrations registrations;

	private static final int PAGE_SIZE = 20;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	private final Clock clock;

	CheckInController(Activities activities, Registrations registrations, MessageSource messages, Clock clock) {
		this.activities = activities;
		this.registrations = registrations;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/activities/events/{id}/checkin")
	@PreAuthorize("hasAuthority('activities:checkin')")
	String page(@PathVariable long id, Model model) {
		return view(activities.getEvent(new EventId(id)), model);
	}

	@PostMapping("/activities/events/{id}/checkin")
	@PreAuthorize("hasAuthority('activities:checkin')")
	String checkIn(@PathVariable long id, @RequestParam(defaultValue = "") String code, Locale locale, Model model) {
		Event event = activities.getEvent(new EventId(id));
		if (code.isBlank()) {
			model.addAttribute("outcome", "UNKNOWN_CODE");
			model.addAttribute("message", Forms.text(messages, "activities.checkin.UNKNOWN_CODE", locale));
			return view(event, model);
		}
		CheckIn result = registrations.checkIn(event.id(), code);
		return result(event, result, locale, model);
	}

	/** A walk-in is chosen from the people registry (the picker) and named back, so it takes its read permission too. */
	@PostMapping("/activities/events/{id}/walk-ins")
	@PreAuthorize("hasAuthority('activities:checkin') and hasAuthority('people:read')")
	String walkIn(@PathVariable long id, @RequestParam long personId, Locale locale, Model model) {
		Event event = activities.getEvent(new EventId(id));
		try {
			return result(event, registrations.walkIn(event.id(), new PersonId(personId)), locale, model);
		}
		catch (Conflict e) {
			model.addAttribute("outcome", "REFUSED");
			model.addAttribute("message", Forms.refusal(messages, e, locale));
			return view(event, model);
		}
	}

	/** htmx: one page of the door's list of registered people, narrowed by a name or a phone tail. */
	@GetMapping("/activities/events/{id}/checkin/list")
	@PreAuthorize("hasAuthority('activities:checkin')")
	String list(@PathVariable long id, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long after, Model model) {
		EventId event = new EventId(id);
		model.addAttribute("eventId", id);
		ListPages.show(model, "attendees",
				Slice.of(limit -> registrations.checkInList(event, blankToNull(q), after, limit), PAGE_SIZE,
						last -> last.registration().id().value()),
				"next");
		model.addAttribute("q", blankToNull(q));
		model.addAttribute("first", after == null);
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("zone", clock.getZone());
		return "activities/checkin-list :: rows";
	}

	/** The button beside a name: checks that registration in, then shows the door again with the outcome. */
	@PostMapping("/activities/events/{id}/checkin/{registration}")
	@PreAuthorize("hasAuthority('activities:checkin')")
	String checkInListed(@PathVariable long id, @PathVariable long registration,
			@RequestParam(required = false) @Nullable String q, Locale locale, Model model) {
		Event event = activities.getEvent(new EventId(id));
		model.addAttribute("q", blankToNull(q));
		return result(event, registrations.checkIn(event.id(), new RegistrationId(registration)), locale, model);
	}

	/** Takes back a check-in of today (China Standard Time) made by mistake. */
	@PostMapping("/activities/events/{id}/checkin/{registration}/undo")
	@PreAuthorize("hasAuthority('activities:checkin')")
	String undo(@PathVariable long id, @PathVariable long registration,
			@RequestParam(required = false) @Nullable String q, Locale locale, Model model) {
		Event event = activities.getEvent(new EventId(id));
		model.addAttribute("q", blankToNull(q));
		try {
			String name = registrations.undoCheckIn(event.id(), new RegistrationId(registration));
			model.addAttribute("outcome", "UNDONE");
			model.addAttribute("message", Forms.text(messages, "activities.checkin.undone", locale, name == null ? "" : name));
		}
		catch (Conflict e) {
			model.addAttribute("outcome", "REFUSED");
			model.addAttribute("message", Forms.refusal(messages, e, locale));
		}
		return view(activities.getEvent(event.id()), model);
	}

	private String result(Event event, CheckIn result, Locale locale, Model model) {
		model.addAttribute("outcome", result.outcome().name());
		String at = result.at() == null ? "" : TIME.format(result.at().atZone(clock.getZone()));
		model.addAttribute("message", Forms.text(messages, "activities.checkin." + result.outcome(), locale,
				result.name() == null ? "" : result.name(), at));
		return view(activities.getEvent(event.id()), model);
	}

	private String view(Event event, Model model) {
		model.addAttribute("e", event);
		model.addAttribute("opens", LocalDateTime.ofInstant(registrations.checkInOpens(event), clock.getZone()));
		model.addAttribute("open", !clock.instant().isBefore(registrations.checkInOpens(event)));
		return "activities/checkin";
	}

}
