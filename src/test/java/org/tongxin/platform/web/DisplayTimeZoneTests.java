package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Times are shown in one zone, Beijing time ({@code tongxin.time-zone}), whatever the zone of the server: the
 * instant 2026-01-01T00:00:00Z is 2026-01-01 08:00 on every page and in every export. The build machines run in
 * UTC, where these pages showed 00:00.
 */
@PlatformTest
class DisplayTimeZoneTests {

	private static final String KNOWN_INSTANT = "2026-01-01T00:00:00Z";

	private static final String IN_BEIJING = "2026-01-01 08:00";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theApplicationClockIsInTheConfiguredZone() {
		assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
	}

	@Test
	void databaseSessionsReckonDatesInTheDisplayZone() {
		assertThat(jdbc.sql("show timezone").query(String.class).single()).isEqualTo("Asia/Shanghai");
	}

	@Test
	void aPersonsRecordTimesAreShownInBeijingTime() {
		long person = jdbc.sql("""
				select min(id) from people_person where anonymised_at is null
				and unit_id in (select id from platform_unit where path <@ '1.510000.510100')""")
			.query(Long.class)
			.single();
		jdbc.sql("update people_person set created_at = ?::timestamptz where id = ?").params(KNOWN_INSTANT, person).update();
		assertThat(mvc.get().uri("/people/{id}", person).session(SignIn.as(mvc, "central"))).hasStatusOk()
			.bodyText()
			.contains(IN_BEIJING)
			.doesNotContain("2026-01-01 00:00");
	}

	@Test
	void aTransfersRequestTimeIsShownInBeijingTime() {
		long person = jdbc.sql("""
				select min(id) from people_person p where anonymised_at is null
				and unit_id in (select id from platform_unit where path <@ '1.510000.510100')
				and not exists (select 1 from people_transfer t where t.person_id = p.id)""")
			.query(Long.class)
			.single();
		long chengdu = jdbc.sql("select unit_id from people_person where id = ?").param(person).query(Long.class).single();
		long hangzhou = jdbc.sql("select id from platform_unit where path = '1.330000.330100'").query(Long.class).single();
		jdbc.sql("""
				insert into people_transfer (person_id, from_unit, to_unit, reason, status, requested_by, requested_at)
				values (?, ?, ?, '工作调动', 'DECLINED', 'chengdu', ?::timestamptz)""")
			.params(person, chengdu, hangzhou, KNOWN_INSTANT)
			.update();
		assertThat(mvc.get().uri("/people/transfers?tab=outgoing").session(SignIn.as(mvc, "central"))).hasStatusOk()
			.bodyText()
			.contains(IN_BEIJING);
	}

	@Test
	void theDuplicatesExportGivesTheTimeAPairWasFoundInBeijingTime() throws IOException {
		long pair = jdbc.sql("select min(id) from people_duplicate where status = 'OPEN'").query(Long.class).single();
		jdbc.sql("update people_duplicate set found_at = ?::timestamptz where id = ?").params(KNOWN_INSTANT, pair).update();
		MockHttpSession central = SignIn.as(mvc, "central");
		MvcTestResult export = mvc.get().uri("/people/duplicates/export.xlsx").session(central).exchange();
		assertThat(export).hasStatusOk();
		assertThat(cells(export.getResponse().getContentAsByteArray())).contains(IN_BEIJING)
			.doesNotContain(KNOWN_INSTANT, "2026-01-01 00:00");
	}

	private static List<String> cells(byte[] xlsx) throws IOException {
		List<String> cells = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getSheetAt(0)) {
				for (Cell cell : row) {
					cells.add(cell.toString());
				}
			}
		}
		return cells;
	}
}
