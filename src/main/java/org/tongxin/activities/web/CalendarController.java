package org.tongxin.activities.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.activities.Activities;
import org.tongxin.activities.ActivityFigures;
import org.tongxin.activities.Event;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.organisations.OrganisationSummary;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.UnitId;

/** A month of events as a grid, Monday first: the caller's whole scope, or the events of one organisation. */
@Controller
class CalendarController {

	record Day(LocalDate date, boolean inMonth, boolean today, List<Event> events) {
	}

	private final Activities activities;

	private final ActivityFigures figures;

	private final Clock clock;

	CalendarController(Activities activities, ActivityFigures figures, Clock clock) {
		this.clock = clock;
		this.activities = activities;
		this.figures = figures;
	}

	@GetMapping("/activities/calendar")
	@PreAuthorize("hasAuthority('activities:read')")
	String calendar(@RequestParam(required = false) @Nullable YearMonth month,
			@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable Long organisation,
			Model model) {
		LocalDate today = LocalDate.ofInstant(activities.now(), clock.getZone());
		YearMonth shown = month == null ? YearMonth.from(today) : month;
		OrganisationSummary organiser = organisation == null ? null
				: activities.organisation(new OrganisationId(organisation))
					.orElseThrow(() -> new NotFound("organisation", organisation));
		LocalDate first = shown.atDay(1).with(DayOfWeek.MONDAY);
		if (first.isAfter(shown.atDay(1))) {
			first = first.minusWeeks(1);
		}
		LocalDate last = shown.atEndOfMonth().with(DayOfWeek.SUNDAY);
		List<Event> events = activities.between(first.atStartOfDay(clock.getZone()).toInstant(),
				last.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), unit == null ? null : new UnitId(unit),
				organiser == null ? null : organiser.id());
		List<List<Day>> weeks = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
				weeks.add(new ArrayList<>());
			}
			LocalDate date = day;
			weeks.get(weeks.size() - 1)
				.add(new Day(date, YearMonth.from(date).equals(shown), date.equals(today), events.stream()
					.filter(e -> !e.start(clock.getZone()).toLocalDate().isAfter(date) && !e.end(clock.getZone()).toLocalDate().isBefore(date))
					.toList()));
		}
		model.addAttribute("month", shown);
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.plusMonths(1));
		model.addAttribute("weeks", weeks);
		List<Event> inMonth = events.stream().filter(e -> YearMonth.from(e.start(clock.getZone())).equals(shown)).toList();
		model.addAttribute("count", inMonth.size());
		model.addAttribute("monthEvents", inMonth);
		model.addAttribute("organisation", organiser);
		model.addAttribute("organisations", activities.organisations());
		model.addAttribute("unit", unit);
		model.addAttribute("units", figures.units());
		return "activities/calendar";
	}
}
