package org.tongxin.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.tongxin.activities.ActivitiesFixtures.CHENGDU;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.tongxin.people.PersonId;
import org.tongxin.platform.Conflict;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.Refused;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.UnitId;

/** The audience rule, feedback averages, iCal output and the arithmetic of the figures. */
@PlatformTest
class ActivityRulesTests extends ActivitiesTestSupport {

	@Autowired
	ActivityFigures figures;

	@Test
	void aPersonOutsideTheAudienceIsRefusedWithAClearMessage() throws Exception {
		Event event = as("chengdu", () -> activities.createEvent(ActivitiesFixtures.with(
				ActivitiesFixtures.running("新媒体专场", 20), EventKind.NETWORKING, Audience.GROUPS, List.of("NEW_MEDIA"),
				List.of())));
		PersonId media = ActivitiesFixtures.people(people, CHENGDU, "NEW_MEDIA", 1).get(0);
		PersonId enterprise = ActivitiesFixtures.people(people, CHENGDU, "ENTERPRISE", 1).get(0);
		MockHttpSession session = SignIn.as(mvc, "chengdu");

		var refused = registerThroughApi(session, event, enterprise);
		assertThat(refused).hasStatus(409);
		assertThat(refused).bodyJson().extractingPath("$.detail").asString()
			.contains("本活动仅限指定群体参加")
			.contains("民营企业和外商投资企业管理技术人员");

		var accepted = registerThroughApi(session, event, media);
		assertThat(accepted).hasStatus(201).bodyJson().extractingPath("$.status").isEqualTo("REGISTERED");

		// The screen shows the same refusal.
		var screen = mvc.post()
			.uri("/activities/events/" + event.id() + "/registrations")
			.session(session)
			.with(csrf())
			.param("personId", Long.toString(enterprise.value()))
			.exchange();
		assertThat(screen).hasStatus3xxRedirection();
		assertThat(screen.getMvcResult().getFlashMap().get("refused")).asString().contains("本活动仅限指定群体参加");
	}

	@Test
	void aPersonWhoWithdrewBasicConsentIsInNoAudienceUntilConsentIsGivenAgain() throws Exception {
		Event event = as("chengdu", () -> activities.createEvent(ActivitiesFixtures.with(
				ActivitiesFixtures.running("同意撤回专场", 20), EventKind.NETWORKING, Audience.OPEN, List.of(),
				List.of())));
		PersonId person = ActivitiesFixtures.people(people, CHENGDU, "NEW_MEDIA", 1).get(0);
		jdbc.sql("update people_person set consent_state = 'WITHDRAWN' where id = ?").param(person.value()).update();
		MockHttpSession session = SignIn.as(mvc, "chengdu");

		var refused = registerThroughApi(session, event, person);
		assertThat(refused).hasStatus(409);
		assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("已撤回基本信息处理同意");

		jdbc.sql("update people_person set consent_state = 'GIVEN' where id = ?").param(person.value()).update();
		assertThat(registerThroughApi(session, event, person)).hasStatus(201);
	}

	@Test
	void registrationIsRefusedOutsideItsWindowAndACheckedInPlaceCannotBeCancelled() throws Exception {
		LocalDateTime now = LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
		List<PersonId> persons = ActivitiesFixtures.people(people, CHENGDU, 110).subList(100, 102);
		EventForm later = new EventForm("尚未开放报名", null, EventKind.TRAINING, List.of(), null, "测试地点",
				now.plusDays(3), now.plusDays(3).plusHours(2), null, Audience.OPEN, List.of(), List.of(),
				now.plusDays(1), now.plusDays(2), null);
		EventForm over = new EventForm("已经结束", null, EventKind.TRAINING, List.of(), null, "测试地点", now.minusHours(3),
				now.minusHours(1), null, Audience.OPEN, List.of(), List.of(), null, null, null);
		Event notYet = as("chengdu", () -> activities.createEvent(later));
		Event ended = as("chengdu", () -> activities.createEvent(over));
		assertThatThrownBy(() -> as("chengdu", () -> registrations.register(notYet.id(), persons.get(0))))
			.isInstanceOfSatisfying(Conflict.class,
					e -> assertThat(e.key()).isEqualTo("activities.refused.notOpen"));
		assertThatThrownBy(() -> as("chengdu", () -> registrations.register(ended.id(), persons.get(0))))
			.isInstanceOfSatisfying(Conflict.class,
					e -> assertThat(e.key()).isEqualTo("activities.refused.closed"));

		Event running = as("chengdu", () -> activities.createEvent(ActivitiesFixtures.running("签到后不可取消", 5)));
		Registration registration = as("chengdu", () -> {
			Registration r = registrations.register(running.id(), persons.get(1));
			registrations.checkIn(running.id(), r.code());
			return r;
		});
		assertThatThrownBy(() -> as("chengdu", () -> registrations.cancel(registration.id())))
			.isInstanceOfSatisfying(Conflict.class,
					e -> assertThat(e.key()).isEqualTo("activities.refused.cancelCheckedIn"));
		// Volunteer hours belong to public-welfare events only.
		assertThatThrownBy(() -> as("chengdu", () -> {
			registrations.volunteerHours(registration.id(), BigDecimal.ONE);
			return null;
		})).isInstanceOfSatisfying(Conflict.class,
				e -> assertThat(e.key()).isEqualTo("activities.refused.hoursNotVolunteer"));
	}

	@Test
	void membersOnlyEventsAdmitActiveMembersOfTheOrganisations() throws Exception {
		List<PersonId> persons = ActivitiesFixtures.people(people, CHENGDU, 90).subList(80, 82);
		long organisation = jdbc.sql("""
				insert into org_organisation (name, kind, unit_id) values ('活动测试联谊会', 'ASSOCIATION', 510100)
				on conflict (unit_id, name) do update set name = excluded.name returning id""")
			.query(Long.class)
			.single();
		jdbc.sql("insert into org_membership (organisation_id, person_id, status) values (?, ?, 'ACTIVE')")
			.params(organisation, persons.get(0).value())
			.update();
		Event event = as("chengdu", () -> activities.createEvent(ActivitiesFixtures.with(
				ActivitiesFixtures.running("会员专场", 20), EventKind.TRAINING, Audience.MEMBERS, List.of(),
				List.of(organisation))));

		Registration member = as("chengdu", () -> registrations.register(event.id(), persons.get(0)));
		assertThat(member.status()).isEqualTo(RegistrationStatus.REGISTERED);
		assertThatThrownBy(() -> as("chengdu", () -> registrations.register(event.id(), persons.get(1))))
			.isInstanceOfSatisfying(Conflict.class,
					e -> assertThat(e.key()).isEqualTo("activities.refused.audienceMembers"));
		// Registering twice is refused too.
		assertThatThrownBy(() -> as("chengdu", () -> registrations.register(event.id(), persons.get(0))))
			.isInstanceOfSatisfying(Conflict.class,
					e -> assertThat(e.key()).isEqualTo("activities.refused.alreadyRegistered"));
	}

	@Test
	void feedbackIsAveragedPerEventAndPerSeries() throws Exception {
		Series series = as("chengdu", () -> activities.createSeries(new SeriesForm("评价测试系列", null, null, List.of())));
		EventForm form = ActivitiesFixtures.running("评价测试活动", 10);
		Event event = as("chengdu", () -> activities.createEvent(new EventForm(form.title(),
				series.id().value(), form.kind(), form.organiserIds(), null, form.address(), form.startsAt(), form.endsAt(),
				form.capacity(), form.audience(), form.audienceGroups(), form.audienceOrganisationIds(), null, null, null)));
		List<PersonId> persons = ActivitiesFixtures.people(people, CHENGDU, 100).subList(90, 94);
		int[][] ratings = { { 5, 4 }, { 4, 3 }, { 3, 5 } };
		for (int i = 0; i < 4; i++) {
			PersonId person = persons.get(i);
			int n = i;
			as("chengdu", () -> {
				Registration r = registrations.register(event.id(), person);
				registrations.checkIn(event.id(), r.code());
				if (n < 3) {
					registrations.feedback(r.id(), ratings[n][0], ratings[n][1], n == 0 ? "很好" : null);
				}
				return r;
			});
		}
		// Out of range is refused.
		Registration last = as("chengdu", () -> registrations.attendees(event.id()).get(3).registration());
		assertThatThrownBy(() -> as("chengdu", () -> {
			registrations.feedback(last.id(), 6, 1, null);
			return null;
		})).isInstanceOf(Refused.class);

		MockHttpSession session = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/activities/events/" + event.id()).session(session)).hasStatusOk()
			.bodyText()
			.contains("满意度平均 4.00 分，获得感平均 4.00 分（3 份评价）");
		Figures figures = as("chengdu", () -> this.figures.ofSeries(series.id()));
		assertThat(figures.satisfaction()).isEqualByComparingTo("4.00");
		assertThat(figures.gain()).isEqualByComparingTo("4.00");
		assertThat(figures.feedbacks()).isEqualTo(3);
		assertThat(figures.registrations()).isEqualTo(4);
		assertThat(figures.checkedIn()).isEqualTo(4);
		assertThat(figures.attendanceRate()).isEqualByComparingTo("100.0");
	}

	@Test
	void iCalendarExportHasLocalTimesAndEscapedText() throws Exception {
		LocalDateTime start = LocalDateTime.of(2026, 12, 1, 14, 30);
		EventForm form = new EventForm("讲座：政策, 解读; 答疑", null, EventKind.TRAINING, List.of(), null,
				"成都市锦江区红星路, 3号", start, start.plusHours(2), null, Audience.OPEN, List.of(), List.of(), null, null,
				"第一行\n第二行；含反斜杠\\结束。这一段说明文字足够长，以便检验按 75 个八位字节折行的规则是否得到遵守，中文字符不能被截断。");
		Event event = as("chengdu", () -> activities.createEvent(form));
		MockHttpSession session = SignIn.as(mvc, "chengdu");

		var result = mvc.get().uri("/activities/events/" + event.id() + ".ics").session(session).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).startsWith("text/calendar");
		byte[] bytes = result.getResponse().getContentAsByteArray();
		String body = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
		String[] physical = body.split("\r\n");
		for (String line : physical) {
			assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		// Unfold (RFC 5545 §3.1) and look at the properties.
		List<String> lines = List.of(body.replace("\r\n ", "").split("\r\n"));
		assertThat(lines).contains("DTSTART;TZID=Asia/Shanghai:20261201T143000",
				"DTEND;TZID=Asia/Shanghai:20261201T163000", "SUMMARY:讲座：政策\\, 解读\\; 答疑",
				"LOCATION:成都市锦江区红星路\\, 3号", "TZID:Asia/Shanghai", "BEGIN:VEVENT", "END:VEVENT");
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("DESCRIPTION:第一行\\n第二行；含反斜杠\\\\结束。"));
		assertThat(lines).anySatisfy(l -> assertThat(l).matches("UID:activities-event-\\d+@tongxin"));
		assertThat(lines).anySatisfy(l -> assertThat(l).matches("DTSTAMP:\\d{8}T\\d{6}Z"));
		assertThat(physical.length).isGreaterThan(lines.size());
	}

	@Test
	void figuresAddUpOnAFixture() throws Exception {
		String username = ActivitiesFixtures.account(jdbc, "act_wuhou", "武侯区委统战部（统计）", new UnitId(510107), "STAFF");
		List<PersonId> persons = ActivitiesFixtures.people(people, new UnitId(510107), 5);
		LocalDateTime now = LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
		EventForm volunteering = ActivitiesFixtures.with(ActivitiesFixtures.running("统计测试公益", 10),
				EventKind.VOLUNTEER, Audience.OPEN, List.of(), List.of());
		EventForm talk = ActivitiesFixtures.running("统计测试讲座", 2);
		Event first = as(username, () -> activities.createEvent(volunteering));
		Event second = as(username, () -> activities.createEvent(talk));
		as(username, () -> {
			// first: 3 registered, 2 checked in with 3.5 + 2 hours, feedback (5,5) and (4,3)
			Registration a = registrations.register(first.id(), persons.get(0));
			Registration b = registrations.register(first.id(), persons.get(1));
			registrations.register(first.id(), persons.get(2));
			registrations.checkIn(first.id(), a.code());
			registrations.checkIn(first.id(), b.code());
			registrations.volunteerHours(a.id(), new BigDecimal("3.5"));
			registrations.volunteerHours(b.id(), new BigDecimal("2"));
			registrations.feedback(a.id(), 5, 5, null);
			registrations.feedback(b.id(), 4, 3, null);
			// second: 2 places, 3 registrations (1 waiting, not counted), 1 checked in; one walk-in counted
			Registration c = registrations.register(second.id(), persons.get(0));
			registrations.register(second.id(), persons.get(1));
			registrations.register(second.id(), persons.get(2));
			registrations.checkIn(second.id(), c.code());
			registrations.walkIn(second.id(), persons.get(3));
			registrations.feedback(c.id(), 3, 4, null);
			return null;
		});
		MockHttpSession session = SignIn.as(mvc, username);
		String day = now.minusHours(1).toLocalDate() + "&to=" + now.toLocalDate();
		var stats = mvc.get()
			.uri("/api/v1/activities/stats?unit=510107&from=" + day)
			.session(session)
			.exchange();
		assertThat(stats).hasStatusOk();
		var json = assertThat(stats).bodyJson();
		json.extractingPath("$.total.events").isEqualTo(2);
		// 3 + (2 confirmed + 1 walk-in) = 6 registrations, 2 + 2 = 4 checked in
		json.extractingPath("$.total.registrations").isEqualTo(6);
		json.extractingPath("$.total.checkedIn").isEqualTo(4);
		json.extractingPath("$.total.attendanceRate").isEqualTo(66.7);
		json.extractingPath("$.total.volunteerHours").isEqualTo(5.5);
		json.extractingPath("$.total.satisfaction").isEqualTo(4.0);
		json.extractingPath("$.total.gain").isEqualTo(4.0);
		json.extractingPath("$.total.feedbacks").isEqualTo(3);
		json.extractingPath("$.byKind.length()").isEqualTo(2);
		// A period without these events shows none of them; a unit outside the scope is refused.
		assertThat(mvc.get().uri("/api/v1/activities/stats?unit=510107&from=2020-01-01&to=2020-12-31").session(session))
			.bodyJson()
			.extractingPath("$.total.events")
			.isEqualTo(0);
		assertThat(mvc.get().uri("/api/v1/activities/stats?unit=510104").session(session)).hasStatus(404);
		assertThat(mvc.get().uri("/activities/stats?unit=510107&from=" + day).session(session))
			.hasStatusOk()
			.bodyText()
			.contains("66.7");
		assertThat(mvc.get().uri("/activities/stats/export.xlsx?table=SERIES&unit=510107").session(session))
			.hasStatusOk();
	}

	@Test
	void searchTextIsMatchedLiterallyNotAsAPattern() throws Exception {
		Event percent = as("chengdu", () -> activities.createEvent(ActivitiesFixtures.running("满意度100%专场", 20)));
		List<Event> all = as("chengdu", () -> activities.events(EventFilter.none(), null, 50));
		assertThat(all).hasSizeGreaterThan(1);

		List<Event> found = as("chengdu", () -> activities.events(text("%"), null, 50));
		assertThat(found).extracting(Event::id).contains(percent.id());
		assertThat(found).allSatisfy(e -> assertThat(e.title() + e.address()).contains("%"));
		assertThat(as("chengdu", () -> activities.countEvents(text("%"), Long.MAX_VALUE)))
			.isEqualTo(found.size());
		assertThat(as("chengdu", () -> activities.events(text("_"), null, 50)))
			.allSatisfy(e -> assertThat(e.title() + e.address()).contains("_"));
		assertThat(as("chengdu", () -> activities.events(text("100%专"), null, 50)))
			.extracting(Event::id)
			.containsExactly(percent.id());

		assertThat(as("chengdu", () -> activities.seriesPage(null, null, 50))).isNotEmpty();
		assertThat(as("chengdu", () -> activities.seriesPage("%", null, 50)))
			.allSatisfy(series -> assertThat(series.name()).contains("%"));
		assertThat(as("chengdu", () -> activities.seriesPage("_", null, 50)))
			.allSatisfy(series -> assertThat(series.name()).contains("_"));
	}

	private static EventFilter text(String text) {
		return new EventFilter(text, null, null, null, null, null);
	}
}
