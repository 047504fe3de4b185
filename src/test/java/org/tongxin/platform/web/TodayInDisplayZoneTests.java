package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * "Today" is the date in the application's zone ({@code tongxin.time-zone}, Beijing time), taken from the
 * application's clock, everywhere: at 2026-12-31T20:00:00Z it is already 2027-01-01 04:00 in Beijing, while a
 * server in UTC (and LocalDate.now() on it) still says 2026-12-31. Until 08:00 Beijing time every default date,
 * age, current year and overdue flag was a day (or a year) behind. The clock here is fixed at that instant, so
 * this class has a context of its own.
 */
@PlatformTest
class TodayInDisplayZoneTests {

	static final Instant NEW_YEAR_IN_BEIJING = Instant.parse("2026-12-31T20:00:00Z");

	@TestConfiguration
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(NEW_YEAR_IN_BEIJING, ZoneId.of("Asia/Shanghai"));
		}
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewMembersTermStartsOnTheBeijingDate() {
		long organisation = jdbc.sql("""
				select min(o.id) from org_organisation o join platform_unit u on u.id = o.unit_id
				where u.path <@ '1.510000.510100'""").query(Long.class).single();
		assertThat(mvc.get().uri("/organisations/{id}/members/new", organisation).session(SignIn.as(mvc, "chengdu")))
			.hasStatusOk()
			.bodyText()
			.contains("value=\"2027-01-01\"")
			.doesNotContain("value=\"2026-12-31\"");
	}

	@Test
	void theOrganisationFiguresOpenOnTheBeijingYear() {
		assertThat(mvc.get().uri("/organisations/figures").session(SignIn.as(mvc, "chengdu"))).hasStatusOk()
			.bodyText()
			.containsPattern("<option value=\"2027\" selected=\"selected\">2027</option>");
	}

	@Test
	void aPersonsAgeCountsBirthdaysOfTheBeijingDate() {
		long person = jdbc.sql("""
				select min(id) from people_person where anonymised_at is null and merged_into is null
				and unit_id in (select id from platform_unit where path <@ '1.510000.510100')""")
			.query(Long.class)
			.single();
		jdbc.sql("update people_person set birth_date = date '2001-01-01' where id = ?").param(person).update();
		// 26 on 2027-01-01; on 2026-12-31 (the UTC date) still 25.
		assertThat(mvc.get().uri("/people/{id}", person).session(SignIn.as(mvc, "central"))).hasStatusOk()
			.bodyText()
			.contains("2001-01-01 (26 岁)");
	}

	@Test
	void aTaskDueOnTheUtcDateIsOverdueInBeijingAndExportsAreDatedTheBeijingDate() throws IOException {
		long chengdu = jdbc.sql("select id from platform_unit where path = '1.510000.510100'").query(Long.class).single();
		String title = "跨年任务-" + System.nanoTime();
		jdbc.sql("insert into org_task (unit_id, title, due_on) values (?, ?, date '2026-12-31')")
			.params(chengdu, title)
			.update();
		MockHttpSession session = SignIn.as(mvc, "chengdu");

		assertThat(mvc.get().uri("/organisations/coordination").session(session)).hasStatusOk()
			.bodyText()
			.containsPattern("(?s)<tr[^>]*overdue-row[^>]*>(?:(?!</tr>).)*" + title);

		MvcTestResult export = mvc.get().uri("/organisations/coordination/tasks.xlsx").session(session).exchange();
		assertThat(export).hasStatusOk();
		String disposition = URLDecoder.decode(
				String.valueOf(export.getResponse().getHeader("Content-Disposition")), StandardCharsets.UTF_8);
		assertThat(disposition).contains("-20270101.xlsx").doesNotContain("20261231");
		List<String> row = rowWith(export.getResponse().getContentAsByteArray(), title);
		assertThat(row).contains("2026-12-31", "已逾期");
	}

	private static List<String> rowWith(byte[] xlsx, String text) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (Cell cell : row) {
					cells.add(cell.toString());
				}
				if (cells.contains(text)) {
					return cells;
				}
			}
		}
		return List.of();
	}
}
