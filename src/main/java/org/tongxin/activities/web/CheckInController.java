package org.tongxin.activities.web;

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
import org.tongxin.activities.RegistrationRefused;
import org.tongxin.activities.Registrations;
import org.tongxin.people.PersonId;

/**
 * The door of an event, made for a phone: one big field that a scanner types into (or a person), the
 * outcome in large letters, and walk-ins found by name and admitted on the spot.
 */
@Controller
class CheckInController {

	private final Activities activities;

	private final Registrations registrations;

	private final MessageSource messages;

	CheckInController(Activities activities, Registrations registrations, MessageSource messages) {
		this.activities = activities;
		this.registrations = registrations;
		this.messages = messages;
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
		catch (RegistrationRefused e) {
			model.addAttribute("outcome", "REFUSED");
			model.addAttribute("message", Forms.refusal(messages, e, locale));
			return view(event, model);
		}
	}

	private String result(Event event, CheckIn result, Locale locale, Model model) {
		model.addAttribute("outcome", result.outcome().name());
		model.addAttribute("message", Forms.text(messages, "activities.checkin." + result.outcome(), locale,
				result.name() == null ? "" : result.name()));
		return view(activities.getEvent(event.id()), model);
	}

	private String view(Event event, Model model) {
		model.addAttribute("e", event);
		return "activities/checkin";
	}

}
