package org.tongxin.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.web.AccountLocaleResolver;

/** Every activities page renders completely in both languages from the demo data; forms validate on the server. */
@PlatformTest
class ActivitiesPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	long demo(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en" })
	void pagesRenderInBothLanguages(String language) {
		long event = demo("select min(e.id) from act_event e where e.unit_id = 510100 and e.kind = 'VOLUNTEER' and e.ends_at < now()");
		long series = demo("select id from act_series where unit_id = 510100 and name = '同心家园'");
		long registration = demo("select min(id) from act_registration where event_id = " + event);
		long person = demo("select person_id from act_registration where id = " + registration);
		MockHttpSession session = SignIn.as(mvc, "chengdu");
		session.setAttribute(AccountLocaleResolver.SESSION_ATTRIBUTE, Locale.forLanguageTag(language));
		for (String path : new String[] { "/activities/series", "/activities/series/new", "/activities/series/" + series,
				"/activities/series/" + series + "/edit", "/activities/events", "/activities/events/new",
				"/activities/events/" + event, "/activities/events/" + event + "/edit",
				"/activities/events/" + event + "/checkin", "/activities/registrations/" + registration + "/ticket",
				"/activities/calendar", "/activities/calendar?month=2026-01", "/activities/stats",
				"/activities/of-person/" + person, "/activities/events/" + event + "/people?q=张" }) {
			var result = mvc.get().uri(path).session(session).exchange();
			assertThat(result).as(path).hasStatusOk();
			assertThat(result).as(path + " " + language).bodyText().doesNotContain("??");
		}
	}

	@Test
	void theDemoDataShowsSeriesAttendanceAndAWaitingList() {
		assertThat(demo("select count(*) from act_series")).isGreaterThanOrEqualTo(6);
		assertThat(demo("""
				select count(*) from act_event e where e.capacity is not null and e.starts_at > now()
				   and (select count(*) from act_registration r where r.event_id = e.id and r.status = 'WAITLISTED') > 0"""))
			.isGreaterThanOrEqualTo(1);
		double rate = jdbc.sql("""
				select count(*) filter (where r.checked_in_at is not null)::float / count(*)
				  from act_registration r join act_event e on e.id = r.event_id
				 where e.ends_at < now() and r.status = 'REGISTERED'""").query(Double.class).single();
		assertThat(rate).isBetween(0.70, 0.90);
		assertThat(demo("select count(*) from act_feedback")).isPositive();
		assertThat(demo("""
				select count(*) from act_registration r join act_event e on e.id = r.event_id
				 where e.kind = 'VOLUNTEER' and r.volunteer_hours > 0""")).isPositive();
	}

	@Test
	void theCalendarShowsTheMonthOfAUnitOfTheScope() {
		String title = jdbc.sql("select title from act_event where unit_id = 510100 order by starts_at limit 1")
			.query(String.class)
			.single();
		String month = jdbc.sql("select to_char(starts_at at time zone 'Asia/Shanghai', 'YYYY-MM') from act_event"
				+ " where unit_id = 510100 order by starts_at limit 1").query(String.class).single();
		MockHttpSession session = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/activities/calendar?month=" + month).session(session)).hasStatusOk()
			.bodyText()
			.contains(title);
		// 锦江区 is below 成都: the city's own events are not the district's.
		assertThat(mvc.get().uri("/activities/calendar?month=" + month + "&unit=510104").session(session)).hasStatusOk()
			.bodyText()
			.doesNotContain(title);
		assertThat(mvc.get().uri("/activities/calendar?month=" + month + "&unit=440300").session(session)).hasStatus(404);
		assertThat(mvc.get().uri("/activities/calendar?month=" + month).session(SignIn.as(mvc, "shenzhen")))
			.hasStatusOk()
			.bodyText()
			.doesNotContain(title);
	}

	@Test
	void theApiCreatesListsAndValidatesEvents() {
		MockHttpSession session = SignIn.as(mvc, "chengdu");
		var created = mvc.post()
			.uri("/api/v1/activities/events")
			.session(session)
			.with(csrf())
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("""
					{"title": "接口创建的活动", "kind": "ONLINE", "startsAt": "2027-01-10T19:00", "endsAt": "2027-01-10T21:00",
					 "capacity": 100, "audience": "GROUPS", "audienceGroups": ["NEW_MEDIA", "FREELANCE"]}""")
			.exchange();
		assertThat(created).hasStatus(201);
		assertThat(created).bodyJson().extractingPath("$.unit").isEqualTo(510100);
		assertThat(created).bodyJson().extractingPath("$.startsAt").isEqualTo("2027-01-10T19:00:00+08:00");
		assertThat(mvc.get().uri("/api/v1/activities/events?from=2027-01-10&to=2027-01-10").session(session))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].title")
			.asArray()
			.contains("接口创建的活动");
		var invalid = mvc.post()
			.uri("/api/v1/activities/events")
			.session(session)
			.with(csrf())
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("""
					{"title": "错误的活动", "kind": "ONLINE", "startsAt": "2027-01-10T19:00", "endsAt": "2027-01-10T18:00",
					 "audience": "OPEN"}""")
			.exchange();
		assertThat(invalid).hasStatus(400);
		assertThat(invalid).bodyJson().extractingPath("$.errors[?(@.field == 'endsAt')].detail").asArray().containsExactly("结束时间不能早于开始时间");
	}

	@Test
	void theEventFormValidatesOnTheServer() {
		MockHttpSession session = SignIn.as(mvc, "chengdu");
		var result = mvc.post()
			.uri("/activities/events")
			.session(session)
			.with(csrf())
			.param("title", "")
			.param("kind", "TRAINING")
			.param("startsAt", "2026-12-02T14:00")
			.param("endsAt", "2026-12-02T10:00")
			.param("audience", "GROUPS")
			.exchange();
		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("请填写活动名称")
			.contains("结束时间不能早于开始时间")
			.contains("请至少选择一个群体");
	}

	@Test
	void thePersonTabListsEventsAndIsScoped() {
		long registration = demo("""
				select min(r.id) from act_registration r join act_event e on e.id = r.event_id
				 where e.unit_id = 510100 and r.checked_in_at is not null""");
		long person = demo("select person_id from act_registration where id = " + registration);
		String title = jdbc.sql("select e.title from act_event e join act_registration r on r.event_id = e.id where r.id = ?")
			.param(registration)
			.query(String.class)
			.single();
		assertThat(mvc.get().uri("/activities/of-person/" + person).session(SignIn.as(mvc, "chengdu"))).hasStatusOk()
			.bodyText()
			.contains(title)
			.contains("已签到");
		assertThat(mvc.get().uri("/activities/of-person/" + person).session(SignIn.as(mvc, "shenzhen"))).hasStatus(404);
		long other = demo("""
				select min(p.id) from people_person p where p.unit_id = 510100
				   and not exists (select 1 from act_registration r where r.person_id = p.id)""");
		assertThat(mvc.get().uri("/activities/of-person/" + other).session(SignIn.as(mvc, "chengdu"))).hasStatusOk()
			.bodyText()
			.contains("尚未报名");
	}
}
