package org.tongxin.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.tongxin.activities.ActivitiesFixtures.CHENGDU;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.Person;
import org.tongxin.people.PersonId;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Who may do what beyond reading: the people picker searches the registry, so it needs {@code people:read} as
 * well as an activities permission; a ticket's code admits its holder, so plain readers do not see it.
 */
@PlatformTest
class ActivitiesAccessTests extends ActivitiesTestSupport {

	@Autowired
	PeopleRegistry registry;

	@Test
	void thePeoplePickerAndWalkInsNeedTheRegistrysReadPermission() throws Exception {
		Event event = as("chengdu", () -> activities.createEvent(ActivitiesFixtures.running("签到员权限测试", 30)));
		PersonId walkIn = ActivitiesFixtures.people(people, CHENGDU, 90).get(85);
		String door = ActivitiesFixtures.accountWithRole(jdbc, "act_door", "ACT_TEST_DOOR", "activities:read",
				"activities:checkin");
		try {
			MockHttpSession session = SignIn.as(mvc, door);
			assertThat(mvc.get()
				.uri("/activities/events/" + event.id() + "/people")
				.param("q", "王")
				.param("mode", "walkin")
				.session(session)).hasStatus(403);
			assertThat(mvc.post()
				.uri("/activities/events/" + event.id() + "/walk-ins")
				.param("personId", Long.toString(walkIn.value()))
				.with(csrf())
				.session(session)).hasStatus(403);
			// The door still works with codes; the walk-in search is not offered.
			assertThat(mvc.get().uri("/activities/events/" + event.id() + "/checkin").session(session)).hasStatusOk()
				.bodyText()
				.contains("id=\"code\"")
				.doesNotContain("walkin-search");
		}
		finally {
			ActivitiesFixtures.dropAccountWithRole(jdbc, door, "ACT_TEST_DOOR");
		}

		// Staff hold people:read: the picker and the walk-in work for them.
		MockHttpSession staff = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/activities/events/" + event.id() + "/checkin").session(staff)).hasStatusOk()
			.bodyText()
			.contains("walkin-search");
		assertThat(mvc.get()
			.uri("/activities/events/" + event.id() + "/people")
			.param("q", "王")
			.param("mode", "walkin")
			.session(staff)).hasStatusOk()
			.bodyText()
			.contains("data-person=");
		assertThat(mvc.post()
			.uri("/activities/events/" + event.id() + "/walk-ins")
			.param("personId", Long.toString(walkIn.value()))
			.with(csrf())
			.session(staff)).hasStatusOk()
			.bodyText()
			.contains("签到成功");
	}

	@Test
	void aReaderCannotSeeATicketsCodeAndAViewIsAudited() throws Exception {
		Event event = as("chengdu", () -> activities.createEvent(ActivitiesFixtures.running("签到码权限测试", 30)));
		List<PersonId> persons = ActivitiesFixtures.people(people, CHENGDU, 90).subList(86, 88);
		Registration registration = as("chengdu", () -> registrations.register(event.id(), persons.get(0)));
		as("chengdu", () -> registrations.register(event.id(), persons.get(1)));
		String ticket = "/activities/registrations/" + registration.id() + "/ticket";
		String qr = "/activities/registrations/" + registration.id() + "/qr.png";
		String reader = ActivitiesFixtures.accountWithRole(jdbc, "act_reader", "ACT_TEST_READER", "activities:read");
		String door = ActivitiesFixtures.accountWithRole(jdbc, "act_door2", "ACT_TEST_DOOR2", "activities:read",
				"activities:checkin");
		try {
			MockHttpSession session = SignIn.as(mvc, reader);
			assertThat(mvc.get().uri(qr).session(session)).hasStatus(403);
			assertThat(mvc.get().uri(ticket).session(session)).hasStatus(403);
			assertThat(mvc.get().uri("/activities/events/" + event.id()).session(session)).hasStatusOk()
				.bodyText()
				.contains("签到码权限测试")
				.doesNotContain(ticket)
				.doesNotContain(registration.code())
				.doesNotContain("register-panel");

			// At the door, the ticket may be shown.
			assertThat(mvc.get().uri(qr).session(SignIn.as(mvc, door))).hasStatusOk()
				.hasContentType(MediaType.IMAGE_PNG);
		}
		finally {
			ActivitiesFixtures.dropAccountWithRole(jdbc, reader, "ACT_TEST_READER");
			ActivitiesFixtures.dropAccountWithRole(jdbc, door, "ACT_TEST_DOOR2");
		}

		MockHttpSession staff = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri(ticket).session(staff)).hasStatusOk().bodyText().contains(registration.code());
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_log
				 where actor = 'chengdu' and action = 'REVEAL' and object_type = 'activities-registration'
				   and object_id = ?""")
			.param(registration.id().toString())
			.query(Long.class)
			.single()).isEqualTo(1);

		// The names of the list come from the registry in one batch, as before one by one.
		List<Attendee> attendees = as("chengdu", () -> registrations.attendees(event.id()));
		List<Person> expected = as("chengdu", () -> persons.stream().map(registry::get).toList());
		List<String> names = expected.stream().map(p -> String.valueOf(p.name())).toList();
		assertThat(attendees).extracting(a -> String.valueOf(a.name())).containsExactlyElementsOf(names);
		assertThat(attendees).extracting(Attendee::place)
			.containsExactlyElementsOf(expected.stream().map(Person::place).toList());
		assertThat(attendees).extracting(Attendee::group)
			.containsExactlyElementsOf(expected.stream().map(Person::group).toList());
		assertThat(mvc.get().uri("/activities/events/" + event.id()).session(staff)).hasStatusOk()
			.bodyText()
			.contains(names.get(0))
			.contains(names.get(1))
			.contains("register-panel");
	}
}
