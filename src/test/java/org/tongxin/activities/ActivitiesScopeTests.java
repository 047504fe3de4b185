package org.tongxin.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.tongxin.people.PersonId;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Data scope on events, registrations and check-in: 渝中区 sees nothing of an event of 锦江区, by list, by id,
 * by API, by check-in or by QR code; 成都 (above 锦江区) sees it; a code of one event is refused at another.
 */
@PlatformTest
class ActivitiesScopeTests extends ActivitiesTestSupport {

	@Test
	void aDistrictCannotSeeOrCheckInAnotherDistrictsEvent() throws Exception {
		String jinjiang = ActivitiesFixtures.jinjiang(jdbc);
		Event event = as(jinjiang, () -> activities.createEvent(ActivitiesFixtures.running("锦江区范围测试活动", 30)));
		PersonId person = ActivitiesFixtures.people(people, ActivitiesFixtures.JINJIANG, 1).get(0);
		Registration registration = as(jinjiang, () -> registrations.register(event.id(), person));
		long id = event.id().value();

		MockHttpSession yuzhong = SignIn.as(mvc, "yuzhong");
		assertThat(mvc.get().uri("/activities/events/" + id).session(yuzhong)).hasStatus(404);
		assertThat(mvc.get().uri("/activities/events/" + id + "/checkin").session(yuzhong)).hasStatus(404);
		assertThat(mvc.get().uri("/activities/events/" + id + ".ics").session(yuzhong)).hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/activities/events/" + id).session(yuzhong)).hasStatus(404);
		assertThat(mvc.get().uri("/activities/registrations/" + registration.id() + "/qr.png").session(yuzhong))
			.hasStatus(404);
		assertThat(mvc.get().uri("/activities/events?q=锦江区范围测试活动").session(yuzhong)).bodyText()
			.doesNotContain("href=\"/activities/events/" + id + "\"")
			.contains("暂无活动");
		assertThat(mvc.post()
			.uri("/api/v1/activities/checkins")
			.session(yuzhong)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\": \"%s\", \"eventId\": %d}".formatted(registration.code(), id))).hasStatus(404);
		assertThat(mvc.post()
			.uri("/activities/events/" + id + "/checkin")
			.session(yuzhong)
			.with(csrf())
			.param("code", registration.code())).hasStatus(404);
		assertThat(jdbc.sql("select checked_in_at is null from act_registration where id = ?")
			.param(registration.id().value())
			.query(Boolean.class)
			.single()).isTrue();
		// Nor can 渝中区 register its own people for it.
		PersonId yuzhongPerson = ActivitiesFixtures.people(people, ActivitiesFixtures.YUZHONG, 1).get(0);
		assertThatThrownBy(() -> as("yuzhong",
				() -> registrations.register(event.id(), yuzhongPerson))).isInstanceOf(NotFound.class);

		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/activities/events/" + id).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("锦江区范围测试活动");
		assertThat(mvc.post()
			.uri("/api/v1/activities/checkins")
			.session(chengdu)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\": \"%s\", \"eventId\": %d}".formatted(registration.code(), id))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.outcome")
			.isEqualTo("CHECKED_IN");
	}

	@Test
	void staffCannotRegisterAPersonOutsideTheirScope() throws Exception {
		Event event = as("chengdu", () -> activities.createEvent(ActivitiesFixtures.running("成都范围报名测试", 30)));
		PersonId shenzhen = ActivitiesFixtures.people(people, new org.tongxin.platform.UnitId(440300), 1).get(0);
		MockHttpSession session = SignIn.as(mvc, "chengdu");
		assertThat(registerThroughApi(session, event, shenzhen)).hasStatus(404);
		assertThat(jdbc.sql("select count(*) from act_registration where event_id = ?")
			.param(event.id().value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aCodeOfOneEventIsRefusedAtAnotherAndASecondCheckInIsReported() throws Exception {
		Event first = as("chengdu", () -> activities.createEvent(ActivitiesFixtures.running("签到测试一", 30)));
		Event second = as("chengdu", () -> activities.createEvent(ActivitiesFixtures.running("签到测试二", 30)));
		List<PersonId> persons = ActivitiesFixtures.people(people, new org.tongxin.platform.UnitId(510100), 70).subList(60, 62);
		Registration atFirst = as("chengdu", () -> registrations.register(first.id(), persons.get(0)));
		MockHttpSession session = SignIn.as(mvc, "chengdu");

		var other = mvc.post()
			.uri("/activities/events/" + second.id() + "/checkin")
			.session(session)
			.with(csrf())
			.param("code", atFirst.code())
			.exchange();
		assertThat(other).hasStatusOk().bodyText().contains("此签到码不属于本场活动");

		var ok = mvc.post()
			.uri("/activities/events/" + first.id() + "/checkin")
			.session(session)
			.with(csrf())
			.param("code", atFirst.code().toLowerCase())
			.exchange();
		assertThat(ok).hasStatusOk().bodyText().contains("签到成功").contains("已签到 1 / 已报名 1");

		var again = mvc.post()
			.uri("/activities/events/" + first.id() + "/checkin")
			.session(session)
			.with(csrf())
			.param("code", atFirst.code())
			.exchange();
		assertThat(again).hasStatusOk().bodyText().contains("已签到，请勿重复签到");

		var unknown = mvc.post()
			.uri("/activities/events/" + first.id() + "/checkin")
			.session(session)
			.with(csrf())
			.param("code", "AAAAAAAAAAAAAAAAAAAAAAAAAA")
			.exchange();
		assertThat(unknown).hasStatusOk().bodyText().contains("签到码无效");

		// A walk-in: registered and checked in at once.
		var walkIn = mvc.post()
			.uri("/activities/events/" + second.id() + "/walk-ins")
			.session(session)
			.with(csrf())
			.param("personId", Long.toString(persons.get(1).value()))
			.exchange();
		assertThat(walkIn).hasStatusOk().bodyText().contains("签到成功");
		assertThat(jdbc.sql("""
				select status || ' ' || channel || ' ' || (checked_in_at is not null)
				  from act_registration where event_id = ? and person_id = ?""")
			.params(second.id().value(), persons.get(1).value())
			.query(String.class)
			.single()).isEqualTo("REGISTERED WALK_IN true");

		assertThat(mvc.get().uri("/activities/registrations/" + atFirst.id() + "/qr.png").session(session))
			.hasStatusOk()
			.hasContentType(MediaType.IMAGE_PNG);
	}

	@Test
	void codesAreRandom128BitTokens() {
		String code = org.tongxin.activities.internal.Enrolments.newCode();
		assertThat(code).hasSize(26).matches("[A-Z2-7]{26}");
		assertThat(org.tongxin.activities.internal.Enrolments.newCode()).isNotEqualTo(code);
	}
}
