package org.tongxin.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.people.PersonId;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.crypto.FieldCipher;

/**
 * The door's list: the registered people of an event with a search box and a button each, undo of a check-in
 * within the day (China Standard Time), and no check-in earlier than two hours before the start.
 */
@PlatformTest
class CheckInListTests extends ActivitiesTestSupport {

	@Autowired
	FieldCipher cipher;

	/** Persons of 成都 with a phone on file, none registered for anything yet. */
	List<Long> persons(int offset, int count) {
		return jdbc.sql("""
				select p.id from people_person p join platform_unit u on u.id = p.unit_id
				where p.region_code = '510100' and p.phone_cipher is not null and p.anonymised_at is null
				  and p.merged_into is null and p.name is not null and p.consent_state <> 'WITHDRAWN'
				  and p.id not in (select person_id from act_registration)
				order by p.id desc offset ? limit ?""")
			.params(offset, count)
			.query(Long.class)
			.list();
	}

	Event event(String title, LocalDateTime starts) throws Exception {
		EventForm form = new EventForm(title + System.nanoTime() % 100000, null, EventKind.TRAINING, List.of(), null,
				"测试地点", starts, starts.plusHours(2), null, Audience.OPEN, List.of(), List.of(), null, null, "签到名单测试");
		return as("chengdu", () -> activities.createEvent(form));
	}

	List<Registration> register(Event event, List<Long> persons) throws Exception {
		List<Registration> made = new ArrayList<>();
		for (long person : persons) {
			made.add(as("chengdu", () -> registrations.register(event.id(), new PersonId(person))));
		}
		return made;
	}

	String name(long person) {
		return jdbc.sql("select name from people_person where id = ?").param(person).query(String.class).single();
	}

	static String body(MvcTestResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	MvcTestResult list(MockHttpSession session, Event event, String q, Long after) {
		var request = mvc.get().uri("/activities/events/{id}/checkin/list", event.id().value()).session(session);
		if (q != null) {
			request = request.param("q", q);
		}
		if (after != null) {
			request = request.param("after", after.toString());
		}
		return request.exchange();
	}

	String checkedIn(Registration r) {
		return jdbc.sql("select coalesce(checked_in_by, '-') from act_registration where id = ?")
			.param(r.id().value())
			.query(String.class)
			.single();
	}

	@Test
	void theListShowsTheRegisteredPeopleAndFindsThemByNameOrPhoneTail() throws Exception {
		Event event = event("名单查找", LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusMinutes(30));
		List<Long> ids = persons(0, 3);
		register(event, ids);
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");

		assertThat(mvc.get().uri("/activities/events/{id}/checkin", event.id().value()).session(chengdu)).hasStatusOk()
			.bodyText().contains("checkin-search").contains("/checkin/list");
		String all = body(list(chengdu, event, null, null));
		for (long id : ids) {
			assertThat(all).contains(name(id));
		}

		String byName = body(list(chengdu, event, name(ids.get(1)), null));
		assertThat(byName).contains(name(ids.get(1))).doesNotContain(">" + name(ids.get(0)) + "<")
			.doesNotContain(">" + name(ids.get(2)) + "<");

		byte[] phone = jdbc.sql("select phone_cipher from people_person where id = ?").param(ids.get(2))
			.query(byte[].class).single();
		String plain = cipher.decrypt(phone);
		String byTail = body(list(chengdu, event, plain.substring(plain.length() - 4), null));
		assertThat(byTail).contains(name(ids.get(2)));

		assertThat(body(list(chengdu, event, "查无此人的名字", null))).contains("没有符合条件的报名人员");
	}

	@Test
	void theListIsPagedAndTheLastRowFetchesTheNextPage() throws Exception {
		Event event = event("名单分页", LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusMinutes(30));
		List<Registration> made = register(event, persons(10, 23));
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");

		String first = body(list(chengdu, event, null, null));
		assertThat(first.split("id=\"registration-", -1)).hasSize(21);
		long last = made.get(19).id().value();
		assertThat(first).contains("after=" + last).contains("加载更多");
		String second = body(list(chengdu, event, null, last));
		assertThat(second.split("id=\"registration-", -1)).hasSize(4);
		assertThat(second).doesNotContain("加载更多").doesNotContain("没有符合条件");
	}

	@Test
	void aButtonChecksAPersonInAndTheCheckInCanBeUndoneOnlyTheSameDay() throws Exception {
		Event event = event("名单签到", LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusMinutes(30));
		List<Registration> made = register(event, persons(40, 3));
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		Registration first = made.get(0);
		String path = "/activities/events/" + event.id().value() + "/checkin/" + first.id().value();

		assertThat(mvc.post().uri(path).session(chengdu).with(csrf())).hasStatusOk().bodyText().contains("签到成功");
		assertThat(checkedIn(first)).isEqualTo("chengdu");
		assertThat(body(list(chengdu, event, null, null))).contains(path + "/undo");
		assertThat(mvc.post().uri(path).session(chengdu).with(csrf())).bodyText().contains("已签到，请勿重复签到");

		assertThat(mvc.post().uri(path + "/undo").session(chengdu).with(csrf())).hasStatusOk().bodyText()
			.contains("已撤销").contains("的签到");
		assertThat(checkedIn(first)).isEqualTo("-");
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_log where object_type = 'activities-registration' and object_id = ?
				and action = 'UPDATE' and detail::jsonb -> 'changes' -> 'checkedIn' is not null""")
			.param(Long.toString(first.id().value())).query(Long.class).single()).isEqualTo(2);

		// Checked in yesterday (Beijing time): too late to take back.
		Registration second = made.get(1);
		jdbc.sql("""
				update act_registration set checked_in_by = 'chengdu',
				       checked_in_at = date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai' - interval '1 minute'
				 where id = ?""").param(second.id().value()).update();
		String secondPath = "/activities/events/" + event.id().value() + "/checkin/" + second.id().value();
		assertThat(body(list(chengdu, event, null, null))).doesNotContain(secondPath + "/undo");
		assertThat(mvc.post().uri(secondPath + "/undo").session(chengdu).with(csrf())).hasStatusOk().bodyText()
			.contains("只能撤销当天（北京时间）的签到");
		assertThat(checkedIn(second)).isEqualTo("chengdu");

		// Feedback rests on the attendance: it stays.
		Registration third = made.get(2);
		String thirdPath = "/activities/events/" + event.id().value() + "/checkin/" + third.id().value();
		assertThat(mvc.post().uri(thirdPath).session(chengdu).with(csrf())).bodyText().contains("签到成功");
		as("chengdu", () -> {
			registrations.feedback(third.id(), 5, 4, null);
			return null;
		});
		assertThat(mvc.post().uri(thirdPath + "/undo").session(chengdu).with(csrf())).bodyText()
			.contains("已登记志愿时长或活动评价，不能撤销签到");
		assertThat(checkedIn(third)).isEqualTo("chengdu");
	}

	@Test
	void nobodyIsCheckedInEarlierThanTwoHoursBeforeTheStart() throws Exception {
		Event later = event("签到过早", LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusHours(3));
		List<Long> ids = persons(60, 3);
		List<Registration> made = register(later, ids.subList(0, 1));
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String door = "/activities/events/" + later.id().value() + "/checkin";

		assertThat(mvc.get().uri(door).session(chengdu)).bodyText().contains("签到将于").contains("在此之前不能签到");
		assertThat(mvc.post().uri(door).session(chengdu).with(csrf()).param("code", made.get(0).code())).hasStatusOk()
			.bodyText().contains("签到尚未开始").contains("起可以签到");
		assertThat(mvc.post().uri(door + "/" + made.get(0).id().value()).session(chengdu).with(csrf())).bodyText()
			.contains("签到尚未开始");
		assertThat(mvc.post().uri("/activities/events/{id}/walk-ins", later.id().value()).session(chengdu).with(csrf())
			.param("personId", ids.get(1).toString())).bodyText().contains("签到尚未开始");
		MvcTestResult api = mvc.post().uri("/api/v1/activities/checkins").session(chengdu).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"eventId\": %d, \"code\": \"%s\"}".formatted(later.id().value(), made.get(0).code()))
			.exchange();
		assertThat(api).hasStatus(409);
		assertThat(api).bodyJson().extractingPath("$.outcome").isEqualTo("TOO_EARLY");
		assertThat(checkedIn(made.get(0))).isEqualTo("-");
		assertThat(jdbc.sql("select count(*) from act_registration where event_id = ? and checked_in_at is not null")
			.param(later.id().value()).query(Long.class).single()).isZero();

		// An hour and fifty minutes before the start the door is open.
		Event soon = event("签到将开", LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusMinutes(110));
		Registration r = register(soon, ids.subList(2, 3)).get(0);
		assertThat(mvc.post().uri("/activities/events/{id}/checkin", soon.id().value()).session(chengdu).with(csrf())
			.param("code", r.code())).bodyText().contains("签到成功");
	}

	@Test
	void onlyStaffWithTheCheckInPermissionInScopeUseTheList() throws Exception {
		Event event = event("名单权限", LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusMinutes(30));
		Registration r = register(event, persons(80, 1)).get(0);
		String path = "/activities/events/" + event.id().value() + "/checkin/" + r.id().value();

		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		assertThat(list(shenzhen, event, null, null)).hasStatus(404);
		assertThat(mvc.post().uri(path).session(shenzhen).with(csrf())).hasStatus(404);
		assertThat(mvc.post().uri(path + "/undo").session(shenzhen).with(csrf())).hasStatus(404);

		String reader = ActivitiesFixtures.accountWithRole(jdbc, "act_list_reader", "ACT_TEST_LIST_READER", "activities:read");
		try {
			MockHttpSession session = SignIn.as(mvc, reader);
			assertThat(list(session, event, null, null)).hasStatus(403);
			assertThat(mvc.post().uri(path).session(session).with(csrf())).hasStatus(403);
			assertThat(mvc.post().uri(path + "/undo").session(session).with(csrf())).hasStatus(403);
		}
		finally {
			ActivitiesFixtures.dropAccountWithRole(jdbc, reader, "ACT_TEST_LIST_READER");
		}
		assertThat(checkedIn(r)).isEqualTo("-");
	}
}
