package org.tongxin.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.PersonId;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.UnitId;

/** Capacity holds under concurrency, and a freed place goes to the first on the waiting list. */
@PlatformTest
class RegistrationConcurrencyTests {

	@Autowired
	Activities activities;

	@Autowired
	Registrations registrations;

	@Autowired
	PeopleRegistry people;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fiftyParallelRegistrationsForTenPlacesGiveTenRegisteredAndFortyWaiting() throws Exception {
		Event event = ActivitiesFixtures.as(accounts, "chengdu",
				() -> activities.createEvent(ActivitiesFixtures.running("并发报名测试", 10)));
		List<PersonId> persons = ActivitiesFixtures.people(people, new UnitId(510100), 50);
		assertThat(persons).hasSize(50);
		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Registration>> results = new ArrayList<>();
		try {
			for (PersonId person : persons) {
				results.add(pool.submit(() -> {
					start.await();
					return ActivitiesFixtures.as(accounts, "chengdu", () -> registrations.register(event.id(), person));
				}));
			}
			start.countDown();
			List<Registration> done = new ArrayList<>();
			for (Future<Registration> result : results) {
				done.add(result.get());
			}
			assertThat(done).filteredOn(r -> r.status() == RegistrationStatus.REGISTERED).hasSize(10);
			assertThat(done).filteredOn(r -> r.status() == RegistrationStatus.WAITLISTED).hasSize(40);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count(event, "REGISTERED")).isEqualTo(10);
		assertThat(count(event, "WAITLISTED")).isEqualTo(40);
		Event read = ActivitiesFixtures.as(accounts, "chengdu", () -> activities.getEvent(event.id()));
		assertThat(read.registered()).isEqualTo(10);
		assertThat(read.waitlisted()).isEqualTo(40);
	}

	@Test
	void cancellingAConfirmedPlacePromotesTheFirstOnTheWaitingList() throws Exception {
		List<PersonId> persons = ActivitiesFixtures.people(people, new UnitId(510100), 60).subList(50, 55);
		Event event = ActivitiesFixtures.as(accounts, "chengdu",
				() -> activities.createEvent(ActivitiesFixtures.running("候补递补测试", 2)));
		List<Registration> made = new ArrayList<>();
		for (PersonId person : persons) {
			made.add(ActivitiesFixtures.as(accounts, "chengdu", () -> registrations.register(event.id(), person)));
		}
		assertThat(made).extracting(Registration::status)
			.containsExactly(RegistrationStatus.REGISTERED, RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED,
					RegistrationStatus.WAITLISTED, RegistrationStatus.WAITLISTED);

		var promoted = ActivitiesFixtures.as(accounts, "chengdu", () -> registrations.cancel(made.get(0).id()));

		assertThat(promoted).map(Registration::id).contains(made.get(2).id());
		assertThat(status(made.get(0))).isEqualTo("CANCELLED");
		assertThat(status(made.get(2))).isEqualTo("REGISTERED");
		assertThat(status(made.get(3))).isEqualTo("WAITLISTED");
		assertThat(count(event, "REGISTERED")).isEqualTo(2);

		// Cancelling someone on the waiting list frees no place and promotes nobody.
		var none = ActivitiesFixtures.as(accounts, "chengdu", () -> registrations.cancel(made.get(4).id()));
		assertThat(none).isEmpty();
		assertThat(status(made.get(3))).isEqualTo("WAITLISTED");
		assertThat(count(event, "REGISTERED")).isEqualTo(2);
	}

	private long count(Event event, String status) {
		return jdbc.sql("select count(*) from act_registration where event_id = ? and status = ?")
			.params(event.id().value(), status)
			.query(Long.class)
			.single();
	}

	private String status(Registration registration) {
		return jdbc.sql("select status from act_registration where id = ?")
			.param(registration.id().value())
			.query(String.class)
			.single();
	}
}
