package org.tongxin.activities.web;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tongxin.activities.Activities;
import org.tongxin.activities.Event;
import org.tongxin.activities.Registration;
import org.tongxin.activities.Registrations;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.PersonId;

/** The "activities" tab of a person's page in the registry: events registered for and attended. */
@Controller
class PersonActivitiesController {

	record Row(Registration registration, Event event) {
	}

	private final PeopleRegistry people;

	private final Registrations registrations;

	private final Activities activities;

	PersonActivitiesController(PeopleRegistry people, Registrations registrations, Activities activities) {
		this.people = people;
		this.registrations = registrations;
		this.activities = activities;
	}

	@GetMapping("/activities/of-person/{id}")
	@PreAuthorize("hasAuthority('activities:read') and hasAuthority('people:read')")
	String ofPerson(@PathVariable long id, Model model) {
		PersonId person = people.get(new PersonId(id)).id();
		List<Row> rows = registrations.ofPerson(person)
			.stream()
			.map(r -> activities.event(r.event()).map(e -> new Row(r, e)))
			.flatMap(Optional::stream)
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("attended", rows.stream().filter(r -> r.registration().checkedIn()).count());
		model.addAttribute("hours", rows.stream()
			.map(r -> r.registration().volunteerHours())
			.filter(java.util.Objects::nonNull)
			.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
		return "activities/of-person :: tab";
	}
}
