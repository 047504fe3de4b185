package org.tongxin.activities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tongxin.people.PersonAnonymised;
import org.tongxin.people.PersonId;
import org.tongxin.platform.SignIn;

/**
 * Activities started on what they build on: a person anonymised in the registry gives up their place at an
 * event still to come (the first on the waiting list moves up) and their feedback comments are erased; the
 * registration of a past event stays, for the figures.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class ActivitiesModuleTests {

	private static final long PERSON = 987_101L;

	private static final long WAITING = 987_102L;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anAnonymisedPersonGivesUpComingPlacesAndTheirCommentsGo(Scenario scenario) {
		long upcoming = event("一周后的培训", "now() + interval '7 days'");
		long past = event("上个月的沙龙", "now() - interval '30 days'");
		long place = registration(upcoming, PERSON, "REGISTERED", "MODULE-TEST-1");
		long waiting = registration(upcoming, WAITING, "WAITLISTED", "MODULE-TEST-2");
		long attended = registration(past, PERSON, "REGISTERED", "MODULE-TEST-3");
		jdbc.sql("insert into act_feedback (registration_id, satisfaction, gain, comment, given_by) values (?, 5, 4, ?, 'x')")
			.params(attended, "张老师讲得好，我的电话 13900001234")
			.update();

		// Anonymisation is someone's act: the registry publishes the event for the signed-in account.
		SignIn.onThisThread(accounts, "central");
		scenario.publish(new PersonAnonymised(new PersonId(PERSON)))
			.andWaitForStateChange(() -> status(place), "CANCELLED"::equals)
			.andVerify(status -> {
				assertThat(status(waiting)).as("the waiting list moves up").isEqualTo("REGISTERED");
				assertThat(status(attended)).as("a past event stays").isEqualTo("REGISTERED");
				assertThat(jdbc.sql("select comment from act_feedback where registration_id = ?").param(attended)
					.query(String.class).optional()).isEmpty();
				assertThat(jdbc.sql("select satisfaction from act_feedback where registration_id = ?").param(attended)
					.query(Integer.class).single()).isEqualTo(5);
			});
	}

	private long event(String title, String startsAt) {
		return jdbc.sql("""
				insert into act_event (unit_id, title, kind, starts_at, ends_at, capacity)
				values (510100, ?, 'TRAINING', %s, %s + interval '2 hours', 1) returning id""".formatted(startsAt, startsAt))
			.param(title)
			.query(Long.class)
			.single();
	}

	private long registration(long event, long person, String status, String code) {
		return jdbc.sql("""
				insert into act_registration (event_id, person_id, status, channel, code)
				values (?, ?, ?, 'STAFF', ?) returning id""")
			.params(event, person, status, code)
			.query(Long.class)
			.single();
	}

	private String status(long registration) {
		return jdbc.sql("select status from act_registration where id = ?").param(registration).query(String.class).single();
	}
}
