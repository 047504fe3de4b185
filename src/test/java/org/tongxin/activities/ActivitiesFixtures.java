package org.tongxin.activities;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.people.PersonFilter;
import org.tongxin.people.PersonId;
import org.tongxin.people.seeding.PeopleSeeding;
import org.tongxin.platform.UnitId;

/**
 * Test accounts made by SQL (a second district: 成都市锦江区), the demo people of a unit, and event forms.
 */
final class ActivitiesFixtures {

	static final UnitId CHENGDU = new UnitId(510100);

	static final UnitId JINJIANG = new UnitId(510104);

	static final UnitId YUZHONG = new UnitId(500103);

	private ActivitiesFixtures() {
	}

	/** A STAFF account of 锦江区 (a district of 成都), created once. */
	static String jinjiang(JdbcClient jdbc) {
		return account(jdbc, "act_jinjiang", "锦江区委统战部（活动）", JINJIANG, "STAFF");
	}

	static String account(JdbcClient jdbc, String username, String displayName, UnitId unit, String role) {
		if (jdbc.sql("select count(*) from platform_account where username = ?").param(username).query(Long.class).single() == 0) {
			String hash = jdbc.sql("select password_hash from platform_account where username = 'chengdu'")
				.query(String.class)
				.single();
			long id = jdbc.sql("""
					insert into platform_account (username, display_name, unit_id, password_hash)
					values (?, ?, ?, ?) returning id""")
				.params(username, displayName, unit.value(), hash)
				.query(Long.class)
				.single();
			for (String r : Set.of(role)) {
				jdbc.sql("insert into platform_account_role (account_id, role) values (?, ?)").params(id, r).update();
			}
		}
		return username;
	}

	/**
	 * A role holding only {@code permissions} and an account of 成都 holding only that role, both made by SQL.
	 * Roles outside the platform's list have no display name: {@link #dropAccountWithRole} removes both again.
	 */
	static String accountWithRole(JdbcClient jdbc, String username, String role, String... permissions) {
		jdbc.sql("insert into platform_role (code, sort) values (?, 900) on conflict do nothing").param(role).update();
		for (String permission : permissions) {
			jdbc.sql("insert into platform_role_permission (role, permission) values (?, ?) on conflict do nothing")
				.params(role, permission)
				.update();
		}
		return account(jdbc, username, username, new UnitId(510100), role);
	}

	static void dropAccountWithRole(JdbcClient jdbc, String username, String role) {
		jdbc.sql("delete from platform_account where username = ?").param(username).update();
		jdbc.sql("delete from platform_role_permission where role = ?").param(role).update();
		jdbc.sql("delete from platform_role where code = ?").param(role).update();
	}

	static List<PersonId> people(PeopleSeeding registry, UnitId unit, int count) {
		return registrable(registry.sampleIn(unit, PersonFilter.none(), 2 * count), count);
	}

	static List<PersonId> people(PeopleSeeding registry, UnitId unit, String group, int count) {
		return registrable(registry.sampleIn(unit,
				new PersonFilter(null, group, null, null, null, null, null, null, null, null), 2 * count), count);
	}

	/** Persons an event may admit: none who withdrew basic consent (they are in no audience). */
	private static List<PersonId> registrable(List<PeopleSeeding.Sampled> sample, int count) {
		return sample.stream()
			.filter(p -> p.consent() != org.tongxin.people.ConsentState.WITHDRAWN)
			.limit(count)
			.map(p -> p.id())
			.toList();
	}

	/** An open event under way (started an hour ago, ends in two hours), so registration and feedback both work. */
	static EventForm running(String title, Integer capacity) {
		LocalDateTime now = LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
		return new EventForm(title, null, EventKind.TRAINING, List.of(), null, "测试地点", now.minusHours(1), now.plusHours(2),
				capacity, Audience.OPEN, List.of(), List.of(), null, null, "测试活动");
	}

	static EventForm withCapacity(EventForm f, @org.jspecify.annotations.Nullable Integer capacity) {
		return new EventForm(f.title(), f.seriesId(), f.kind(), f.organiserIds(), f.siteId(), f.address(), f.startsAt(),
				f.endsAt(), capacity, f.audience(), f.audienceGroups(), f.audienceOrganisationIds(), f.registrationOpens(),
				f.registrationCloses(), f.description());
	}

	static EventForm with(EventForm f, EventKind kind, Audience audience, List<String> groups, List<Long> organisations) {
		return new EventForm(f.title(), f.seriesId(), kind, f.organiserIds(), f.siteId(), f.address(), f.startsAt(), f.endsAt(),
				f.capacity(), audience, groups, organisations, f.registrationOpens(), f.registrationCloses(),
				f.description());
	}
}
