package org.tongxin.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.tongxin.people.MergeTestSupport;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/** Event registrations follow a merge of duplicate persons to the survivor, and exactly those go back on undo. */
@PlatformTest
class RegistrationMergeTests extends MergeTestSupport {

	long event(String title) {
		return jdbc.sql("""
				insert into act_event (unit_id, title, kind, starts_at, ends_at)
				values (440304, ?, 'NETWORKING', now() - interval '3 days', now() - interval '3 days' + interval '2 hours')
				returning id""")
			.param(title)
			.query(Long.class)
			.single();
	}

	long registration(long event, long person, String status, boolean checkedIn) {
		return jdbc.sql("""
				insert into act_registration (event_id, person_id, status, channel, code, checked_in_at, checked_in_by)
				values (?, ?, ?, 'STAFF', md5(random()::text), case when ? then now() - interval '3 days' end,
				        case when ? then 'test' end) returning id""")
			.params(event, person, status, checkedIn, checkedIn)
			.query(Long.class)
			.single();
	}

	List<String> rows(long... events) {
		return jdbc.sql("""
				select r.id || ' ' || r.event_id || ' ' || r.person_id || ' ' || r.status || ' ' || (r.checked_in_at is not null)
				       || ' ' || coalesce(f.satisfaction::text, '-')
				from act_registration r left join act_feedback f on f.registration_id = r.id
				where r.event_id = any(?) order by r.id""")
			.param(java.util.Arrays.stream(events).boxed().toArray(Long[]::new))
			.query(String.class)
			.list();
	}

	@Test
	void mergingMovesRegistrationsToTheSurvivorKeepsTheAttendedOneAndUndoPutsExactlyThoseBack() {
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		long[] pair = duplicatePair();
		long keep = pair[0];
		long away = pair[1];
		long onlyAway = event("合并活动甲");
		long awayAttended = event("合并活动乙");
		long keepAttended = event("合并活动丙");
		long movedAlone = registration(onlyAway, away, "REGISTERED", true);
		long survivorRegistered = registration(awayAttended, keep, "REGISTERED", false);
		long awayCheckedIn = registration(awayAttended, away, "REGISTERED", true);
		long survivorCheckedIn = registration(keepAttended, keep, "REGISTERED", true);
		long awayWaiting = registration(keepAttended, away, "WAITLISTED", false);
		// Feedback on a registration that the merge removes comes back with it on undo.
		jdbc.sql("insert into act_feedback (registration_id, satisfaction, gain, given_by) values (?, 4, 5, 'test')")
			.param(survivorRegistered).update();
		jdbc.sql("insert into act_feedback (registration_id, satisfaction, gain, given_by) values (?, 5, 5, 'test')")
			.param(awayCheckedIn).update();
		List<String> before = rows(onlyAway, awayAttended, keepAttended);

		long merge = merge(shenzhen, pair[2]);

		assertThat(rows(onlyAway, awayAttended, keepAttended)).containsExactly(
				movedAlone + " " + onlyAway + " " + keep + " REGISTERED true -",
				awayCheckedIn + " " + awayAttended + " " + keep + " REGISTERED true 5",
				survivorCheckedIn + " " + keepAttended + " " + keep + " REGISTERED true -");
		assertThat(jdbc.sql("select registration_id || ' ' || outcome from act_registration_merge where merge_id = ?")
			.param(merge)
			.query(String.class)
			.list()).containsExactlyInAnyOrder(movedAlone + " MOVED", survivorRegistered + " REMOVED",
					awayCheckedIn + " MOVED", awayWaiting + " REMOVED");
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_log where object_type = 'activities-registration' and reason = 'person merge'
				and detail like ?""").param("%\"merge\":" + merge + "%").query(Long.class).single()).isOne();

		undo(shenzhen, merge);

		assertThat(rows(onlyAway, awayAttended, keepAttended)).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from act_registration_merge where merge_id = ?").param(merge)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aMergedAwayPersonCannotBeRegistered() {
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		long[] pair = duplicatePair();
		merge(shenzhen, pair[2]);
		long event = jdbc.sql("""
				insert into act_event (unit_id, title, kind, starts_at, ends_at)
				values (440304, '合并活动丁', 'NETWORKING', now() + interval '1 day', now() + interval '1 day 2 hours')
				returning id""").query(Long.class).single();
		var refused = mvc.post()
			.uri("/api/v1/activities/events/{id}/registrations", event)
			.session(shenzhen)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"personId\": %d}".formatted(pair[1]))
			.exchange();
		assertThat(refused).hasStatus(409);
		assertThat(rows(event)).isEmpty();
		assertThat(mvc.post()
			.uri("/api/v1/activities/events/{id}/registrations", event)
			.session(shenzhen)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"personId\": %d}".formatted(pair[0]))).hasStatus(201);
	}
}
