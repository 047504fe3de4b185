package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Every form with a date puts it into its {@code <input type="date">} as ISO {@code yyyy-MM-dd} (and
 * {@code datetime-local} as {@code yyyy-MM-ddTHH:mm}) in Chinese and in English: a browser leaves an input with
 * any other value empty, and saving the form then erased the date.
 */
@PlatformTest
class DateInputsTests {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en" })
	void theSiteFormShowsItsOpeningDateAsIso(String language) {
		long site = jdbc.sql("select min(id) from programme_site where opened_on is not null").query(Long.class).single();
		LocalDate opened = date("select opened_on from programme_site where id = ?", site);
		assertThat(value(get(language, "/programme/sites/" + site + "/edit"), "openedOn")).isEqualTo(opened.toString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en" })
	void theProjectFormShowsItsStartAndEndAsIso(String language) {
		long project = jdbc.sql("select min(id) from programme_project where starts_on is not null and ends_on is not null")
			.query(Long.class)
			.single();
		Document form = get(language, "/programme/projects/" + project + "/edit");
		assertThat(value(form, "startsOn"))
			.isEqualTo(date("select starts_on from programme_project where id = ?", project).toString());
		assertThat(value(form, "endsOn"))
			.isEqualTo(date("select ends_on from programme_project where id = ?", project).toString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en" })
	void theBatchFormShowsItsCallPeriodAsIso(String language) {
		long batch = jdbc.sql("select min(id) from programme_batch where call_opens is not null and call_closes is not null")
			.query(Long.class)
			.single();
		Document form = get(language, "/programme/projects/batches/" + batch + "/edit");
		assertThat(value(form, "callOpens"))
			.isEqualTo(date("select call_opens from programme_batch where id = ?", batch).toString());
		assertThat(value(form, "callCloses"))
			.isEqualTo(date("select call_closes from programme_batch where id = ?", batch).toString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en" })
	void theOrganisationFormShowsItsFoundingDateAsIso(String language) {
		long organisation = jdbc.sql("select min(id) from org_organisation where founded_on is not null")
			.query(Long.class)
			.single();
		assertThat(value(get(language, "/organisations/" + organisation + "/edit"), "foundedOn"))
			.isEqualTo(date("select founded_on from org_organisation where id = ?", organisation).toString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en" })
	void theNewMemberFormProposesTodayAsIso(String language) {
		long organisation = jdbc.sql("select min(id) from org_organisation").query(Long.class).single();
		String termStart = value(get(language, "/organisations/" + organisation + "/members/new"), "termStart");
		assertThat(termStart).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(LocalDate.parse(termStart)).isBetween(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1),
				LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en" })
	void thePersonFormShowsTheBirthDateAsIso(String language) {
		long person = jdbc.sql("""
				select min(id) from people_person where birth_date is not null and anonymised_at is null
				and unit_id in (select id from platform_unit where path <@ '1.510000.510100')""")
			.query(Long.class)
			.single();
		assertThat(value(get(language, "/people/" + person + "/edit"), "birthDate"))
			.isEqualTo(date("select birth_date from people_person where id = ?", person).toString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en" })
	void theEventFormShowsItsTimesAsIsoLocalDateTimes(String language) {
		long event = jdbc.sql("select min(id) from act_event").query(Long.class).single();
		LocalDateTime starts = jdbc
			.sql("select (starts_at at time zone 'Asia/Shanghai') from act_event where id = ?")
			.param(event)
			.query(LocalDateTime.class)
			.single();
		String value = value(get(language, "/activities/events/" + event + "/edit"), "startsAt");
		assertThat(value).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");
		assertThat(value).startsWith(starts.format(MINUTES));
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en" })
	void aRefusedReviewRoundKeepsItsDatesAsIso(String language) {
		var result = mvc.post()
			.uri("/programme/reviews")
			.session(session(language, "central"))
			.with(csrf())
			.param("title", "")
			.param("opensOn", "2026-03-01")
			.param("closesOn", "2026-04-30")
			.param("outlierThreshold", "15")
			.param("criteria[0].name", "创新性")
			.param("criteria[0].weight", "100")
			.exchange();
		Document form = html(result);
		assertThat(value(form, "opensOn")).isEqualTo("2026-03-01");
		assertThat(value(form, "closesOn")).isEqualTo("2026-04-30");
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en" })
	void aRefusedMilestoneKeepsItsDueDateAsIso(String language) {
		long project = jdbc.sql("select min(id) from programme_project").query(Long.class).single();
		var result = mvc.post()
			.uri("/programme/projects/{id}/milestones", project)
			.session(session(language, "central"))
			.with(csrf())
			.param("title", "")
			.param("dueOn", "2026-06-30")
			.exchange();
		assertThat(value(html(result), "m-due")).isEqualTo("2026-06-30");
	}

	private Document get(String language, String path) {
		return html(mvc.get().uri(path).session(session(language, "central")).exchange());
	}

	private static Document html(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		try {
			return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String value(Document form, String id) {
		Element input = form.getElementById(id);
		assertThat(input).as("input #" + id).isNotNull();
		return input.attr("value");
	}

	private LocalDate date(String sql, long id) {
		return jdbc.sql(sql).param(id).query(LocalDate.class).single();
	}

	private MockHttpSession session(String language, String user) {
		MockHttpSession session = SignIn.as(mvc, user);
		session.setAttribute("tongxin.locale", Locale.forLanguageTag(language));
		return session;
	}
}
