package org.tongxin.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.people.PersonId;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.Refused;

/** Capacity holds under concurrency, and a freed place goes to the first on the waiting list. */
@PlatformTest
class RegistrationConcurrencyTests extends ActivitiesTestSupport {

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void fiftyParallelRegistrationsForTenPlacesGiveTenRegisteredAndFortyWaiting() throws Exception {
		Event event = as("chengdu", () -> activities.createEvent(ActivitiesFixtures.running("并发报名测试", 10)));
		List<PersonId> persons = ActivitiesFixtures.people(people, ActivitiesFixtures.CHENGDU, 50);
		assertThat(persons).hasSize(50);
		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Registration>> results = new ArrayList<>();
		try {
			for (PersonId person : persons) {
				results.add(pool.submit(() -> {
					start.await();
					return as("chengdu", () -> registrations.register(event.id(), person));
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
		Event read = as("chengdu", () -> activities.getEvent(event.id()));
		assertThat(read.registered()).isEqualTo(10);
		assertThat(read.waitlisted()).isEqualTo(40);
	}

	@Test
	void cancellingAConfirmedPlacePromotesTheFirstOnTheWaitingList() throws Exception {
		List<PersonId> persons = ActivitiesFixtures.people(people, ActivitiesFixtures.CHENGDU, 60).subList(50, 55);
		Event event = as("chengdu", () -> activities.createEvent(ActivitiesFixtures.running("候补递补测试", 2)));
		List<Registration> made = new ArrayList<>();
		for (PersonId person : persons) {
			made.add(as("chengdu", () -> registrations.register(event.id(), person)));
		}
		assertThat(made).extracting(Registration::status)
			.containsExactly(RegistrationStatus.REGISTERED, RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED,
					RegistrationStatus.WAITLISTED, RegistrationStatus.WAITLISTED);

		var promoted = as("chengdu", () -> registrations.cancel(made.get(0).id()));

		assertThat(promoted).map(Registration::id).contains(made.get(2).id());
		assertThat(status(made.get(0))).isEqualTo("CANCELLED");
		assertThat(status(made.get(2))).isEqualTo("REGISTERED");
		assertThat(status(made.get(3))).isEqualTo("WAITLISTED");
		assertThat(count(event, "REGISTERED")).isEqualTo(2);

		// Cancelling someone on the waiting list frees no place and promotes nobody.
		var none = as("chengdu", () -> registrations.cancel(made.get(4).id()));
		assertThat(none).isEmpty();
		assertThat(status(made.get(3))).isEqualTo("WAITLISTED");
		assertThat(count(event, "REGISTERED")).isEqualTo(2);
	}

	@Test
	void raisingTheCapacityPromotesTheWaitingListInOrder() throws Exception {
		List<PersonId> persons = ActivitiesFixtures.people(people, ActivitiesFixtures.CHENGDU, 80).subList(70, 76);
		Event event = as("chengdu", () -> activities.createEvent(ActivitiesFixtures.running("扩容递补测试", 2)));
		List<Registration> made = new ArrayList<>();
		for (PersonId person : persons) {
			made.add(as("chengdu", () -> registrations.register(event.id(), person)));
		}
		assertThat(made).extracting(Registration::status)
			.containsExactly(RegistrationStatus.REGISTERED, RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED,
					RegistrationStatus.WAITLISTED, RegistrationStatus.WAITLISTED, RegistrationStatus.WAITLISTED);

		Event raised = as("chengdu", () -> activities.updateEvent(event.id(),
				event.version(), ActivitiesFixtures.withCapacity(EventForm.of(event, java.time.ZoneId.of("Asia/Shanghai")), 4)));

		assertThat(raised.capacity()).isEqualTo(4);
		assertThat(raised.registered()).isEqualTo(4);
		assertThat(raised.waitlisted()).isEqualTo(2);
		assertThat(made.subList(2, 6)).extracting(this::status)
			.containsExactly("REGISTERED", "REGISTERED", "WAITLISTED", "WAITLISTED");
		// Each promotion audited, in queue order.
		List<String> promoted = jdbc.sql("""
				select object_id from platform_audit_log
				 where object_type = 'activities-registration' and action = 'UPDATE' and detail like '%promotedBy%'
				   and object_id in (?, ?, ?, ?) order by id""")
			.params(made.subList(2, 6).stream().map(r -> Long.toString(r.id().value())).toArray())
			.query(String.class)
			.list();
		assertThat(promoted).containsExactly(made.get(2).id().toString(), made.get(3).id().toString());

		// No limit at all: the whole waiting list comes in.
		as("chengdu", () -> activities.updateEvent(event.id(), raised.version(),
				ActivitiesFixtures.withCapacity(EventForm.of(raised, java.time.ZoneId.of("Asia/Shanghai")), null)));
		assertThat(count(event, "REGISTERED")).isEqualTo(6);
		assertThat(count(event, "WAITLISTED")).isZero();
	}

	@Test
	void theCapacityCannotBeCutBelowThoseRegistered() throws Exception {
		List<PersonId> persons = ActivitiesFixtures.people(people, ActivitiesFixtures.CHENGDU, 80).subList(70, 73);
		Event event = as("chengdu", () -> activities.createEvent(ActivitiesFixtures.running("缩减名额测试", 5)));
		for (PersonId person : persons) {
			as("chengdu", () -> registrations.register(event.id(), person));
		}
		assertThatThrownBy(() -> as("chengdu", () -> activities.updateEvent(event.id(),
				event.version(), ActivitiesFixtures.withCapacity(EventForm.of(event, java.time.ZoneId.of("Asia/Shanghai")), 2))))
			.isInstanceOfSatisfying(Refused.class, e -> assertThat(e.fields())
				.containsEntry("capacity", "activities.event.capacity.belowRegistered"));
		Event same = as("chengdu",
				() -> activities.updateEvent(event.id(), event.version(), ActivitiesFixtures.withCapacity(EventForm.of(event, java.time.ZoneId.of("Asia/Shanghai")), 3)));
		assertThat(same.capacity()).isEqualTo(3);
	}

	/**
	 * A registration in progress holds the event's row lock; a capacity cut made meanwhile must wait for it and
	 * then count the place it took, instead of checking against the count read before.
	 */
	@Test
	void aCapacityCutWaitsForARegistrationInProgressAndCountsIt() throws Exception {
		List<PersonId> persons = ActivitiesFixtures.people(people, ActivitiesFixtures.CHENGDU, 80).subList(73, 76);
		Event event = as("chengdu", () -> activities.createEvent(ActivitiesFixtures.running("名额并发修改测试", 5)));
		for (PersonId person : persons.subList(0, 2)) {
			as("chengdu", () -> registrations.register(event.id(), person));
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch registeredUncommitted = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		try {
			Future<?> registration = pool.submit(() -> as("chengdu",
					() -> new TransactionTemplate(transactions).execute(status -> {
						registrations.register(event.id(), persons.get(2));
						registeredUncommitted.countDown();
						try {
							commit.await(30, TimeUnit.SECONDS);
						}
						catch (InterruptedException e) {
							Thread.currentThread().interrupt();
						}
						return null;
					})));
			assertThat(registeredUncommitted.await(30, TimeUnit.SECONDS)).isTrue();
			Future<Event> cut = pool.submit(() -> as("chengdu", () -> activities
				.updateEvent(event.id(), event.version(), ActivitiesFixtures.withCapacity(EventForm.of(event, java.time.ZoneId.of("Asia/Shanghai")), 2))));
			// Wait until the cut is blocked on the registration's lock, then let the registration commit.
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (jdbc.sql("select count(*) from pg_locks where not granted").query(Long.class).single() == 0) {
				assertThat(System.nanoTime()).as("the cut waits for the lock").isLessThan(deadline);
				assertThat(cut.isDone()).as("the cut must not finish while a registration holds the lock").isFalse();
				Thread.sleep(20);
			}
			commit.countDown();
			registration.get(30, TimeUnit.SECONDS);
			assertThatThrownBy(() -> cut.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
				.hasCauseInstanceOf(Refused.class);
		}
		finally {
			commit.countDown();
			pool.shutdownNow();
		}
		assertThat(count(event, "REGISTERED")).isEqualTo(3);
		assertThat(jdbc.sql("select capacity from act_event where id = ?").param(event.id().value())
			.query(Integer.class).single()).isEqualTo(5);
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
