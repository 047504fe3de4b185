package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Data scope on the registry through every door: list, search, count, detail by id, edit, anonymise,
 * reveal, API, Excel and CSV export. Chengdu sees nothing of Shenzhen, 渝中区 nothing beyond itself.
 */
@PlatformTest
class PeopleScopeTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	long inUnitUnder(String pathPrefix) {
		return jdbc.sql("""
				select p.id from people_person p join platform_unit u on u.id = p.unit_id
				where u.path <@ cast(? as ltree) and p.anonymised_at is null order by p.id limit 1""")
			.param(pathPrefix)
			.query(Long.class)
			.single();
	}

	long countUnder(String path) {
		return jdbc.sql("""
				select count(*) from people_person p join platform_unit u on u.id = p.unit_id
				where u.path <@ cast(? as ltree) and p.anonymised_at is null""")
			.param(path)
			.query(Long.class)
			.single();
	}

	@Test
	void theDemoRegistryIsLoadedOverTheProgrammeCities() {
		assertThat(jdbc.sql("select count(*) from people_person").query(Long.class).single()).isGreaterThanOrEqualTo(20_000);
		assertThat(jdbc.sql("select count(distinct region_code) from people_person").query(Long.class).single()).isEqualTo(49);
		assertThat(countUnder("1.510000.510100")).isGreaterThan(countUnder("1.320000.320100") * 3);
		assertThat(countUnder("1.500000.500103")).isPositive();
		assertThat(jdbc.sql("select count(*) from people_consent").query(Long.class).single()).isPositive();
	}

	@Test
	void theListAndItsCountStayInScope() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/people").session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("成都市")
			.doesNotContain("深圳市")
			.contains("共 " + String.format("%,d", countUnder("1.510000.510100")) + " 条");

		MockHttpSession yuzhong = SignIn.as(mvc, "yuzhong");
		assertThat(mvc.get().uri("/people").session(yuzhong)).hasStatusOk()
			.bodyText()
			.contains("渝中区")
			.doesNotContain("成都市")
			.contains("共 " + String.format("%,d", countUnder("1.500000.500103")) + " 条");
	}

	@Test
	void apiPagesCoverTheScopeExactlyWithNothingOutside() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		List<Long> seen = new ArrayList<>();
		String cursor = "";
		do {
			var json = new tools.jackson.databind.ObjectMapper().readTree(mvc.get()
				.uri("/api/v1/people?size=500&cursor=" + cursor)
				.session(chengdu)
				.exchange()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
			for (var item : json.get("items")) {
				assertThat(item.get("place").asString()).contains("成都市");
				assertThat(item.get("phone").asString()).matches("1\\d\\d\\*{4}\\d{4}");
				seen.add(item.get("id").asLong());
			}
			cursor = json.get("nextCursor").isNull() ? null : json.get("nextCursor").asString();
		}
		while (cursor != null);
		assertThat(seen).hasSize((int) countUnder("1.510000.510100")).doesNotHaveDuplicates();
		assertThat(seen).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void anotherCitysPersonIsNotFoundThroughAnyDoor() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long shenzhen = inUnitUnder("1.440000.440300");
		assertThat(mvc.get().uri("/people/{id}", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.get().uri("/people/{id}?tab=history", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.get().uri("/people/{id}?tab=consent", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.get().uri("/people/{id}/edit", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.post().uri("/people/{id}/anonymise", shenzhen).session(chengdu).with(csrf())).hasStatus(404);
		assertThat(mvc.post().uri("/people/{id}/consents", shenzhen).session(chengdu).with(csrf())
			.param("event", "WITHDRAWN").param("scope", "BASIC").param("noticeVersion", "1").param("channel", "x"))
			.hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/people/{id}", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(PeopleFixtures.update(mvc, chengdu, shenzhen, """
					{"unit": 510104, "name": "改名", "sex": "M", "group": "ENTERPRISE", "legalBasis": "DUTY"}""")).hasStatus(404);
		assertThat(jdbc.sql("select name <> '改名' and anonymised_at is null from people_person where id = ?").param(shenzhen)
			.query(Boolean.class).single()).isTrue();
		assertThat(mvc.get().uri("/people/{id}", inUnitUnder("1.510000.510100")).session(chengdu)).hasStatusOk();
	}

	@Test
	void revealingOutsideTheScopeFindsNothingEvenWithThePermission() {
		MockHttpSession office = SignIn.as(mvc, PeopleTestAccounts.chengduOffice(jdbc, mvc));
		long shenzhen = inUnitUnder("1.440000.440300");
		assertThat(PeopleFixtures.reveal(mvc, office, shenzhen, "PHONE", "核对联系方式")).hasStatus(404);
		assertThat(mvc.post().uri("/people/{id}/reveal", shenzhen).session(office).with(csrf())
			.param("field", "PHONE").param("reason", "核对")).hasStatus(404);
		assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'REVEAL' and object_id = ?")
			.param(Long.toString(shenzhen)).query(Long.class).single()).isZero();
	}

	@Test
	void guessingIdsYieldsOnlyTheDistrictsOwnPeople() {
		MockHttpSession yuzhong = SignIn.as(mvc, "yuzhong");
		List<Long> own = jdbc.sql("select id from people_person where unit_id = 500103 and anonymised_at is null")
			.query(Long.class).list();
		List<Long> guesses = new ArrayList<>(own);
		guesses.addAll(jdbc.sql("select id from people_person where id % 150 = 0 and unit_id <> 500103").query(Long.class).list());
		List<Long> visible = new ArrayList<>();
		for (long id : guesses) {
			int status = mvc.get().uri("/api/v1/people/{id}", id).session(yuzhong).exchange().getResponse().getStatus();
			if (status == 200) {
				visible.add(id);
			}
			else {
				assertThat(status).isEqualTo(404);
			}
		}
		assertThat(visible).containsExactlyInAnyOrderElementsOf(own);
	}

	@Test
	void searchFindsOnlyWithinScope() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String shenzhenName = jdbc.sql("select name from people_person where id = ?")
			.param(inUnitUnder("1.440000.440300"))
			.query(String.class)
			.single();
		var json = assertThat(mvc.get().uri("/api/v1/people?size=500&q={q}", shenzhenName).session(chengdu)).hasStatusOk()
			.bodyJson();
		json.extractingPath("$.items[*].place").asArray().allSatisfy(place -> assertThat(place.toString()).contains("成都市"));
		assertThat(mvc.get().uri("/api/v1/people?unit=440300").session(chengdu)).bodyJson()
			.extractingPath("$.items").asArray().isEmpty();
		assertThat(mvc.get().uri("/people?unit=440300").session(chengdu)).bodyText().contains("共 0 条");
	}

	@Test
	void excelAndCsvExportsStayInScope() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		byte[] xlsx = mvc.get().uri("/people/export.xlsx").session(chengdu).exchange().getResponse().getContentAsByteArray();
		List<String> places = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getSheetAt(0)) {
				if (row.getRowNum() > 0) {
					places.add(row.getCell(14).getStringCellValue());
				}
			}
		}
		// Persons who withdrew their basic consent are left out of exports (issue 9, item 7).
		long withdrawn = jdbc.sql("""
				select count(*) from people_person p join platform_unit u on u.id = p.unit_id
				where u.path <@ cast(? as ltree) and p.anonymised_at is null and p.consent_state = 'WITHDRAWN'""")
			.param("1.510000.510100").query(Long.class).single();
		assertThat(places).hasSize((int) (countUnder("1.510000.510100") - withdrawn))
			.allSatisfy(p -> assertThat(p).contains("成都市"));

		String csv = mvc.get().uri("/people/export.csv?group=NEW_MEDIA").session(chengdu).exchange().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> lines = csv.lines().skip(1).toList();
		assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).contains("成都市").doesNotContain("深圳市"));
		assertThat(lines).allSatisfy(line -> assertThat(line).contains("新媒体从业人员"));
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_log where action = 'EXPORT' and object_type = 'person' and actor = 'chengdu'
				  and detail like '%"format":"csv"%' and detail like '%NEW_MEDIA%' and detail like ?""")
			.param("%\"rows\":" + lines.size() + "%").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void nobodyRegistersIntoAnotherCity() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String json = PeopleFixtures.json(440305, "越权登记", PeopleFixtures.idNumber("440305", LocalDate.of(1990, 1, 2), 11),
				"13800001111", "ENTERPRISE", "深圳某公司");
		assertThat(PeopleFixtures.create(mvc, chengdu, json)).hasStatus(403);
		assertThat(mvc.post().uri("/people").session(chengdu).with(csrf())
			.param("unit", "440305").param("name", "越权登记").param("sex", "M").param("group", "ENTERPRISE")
			.param("legalBasis", "DUTY")).hasStatus(403);
		assertThat(jdbc.sql("select count(*) from people_person where name = '越权登记'").query(Long.class).single()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin", "secadmin", "auditor" })
	void theThreeAdministratorsSeeNoPeople(String user) {
		MockHttpSession session = SignIn.as(mvc, user);
		long anyone = inUnitUnder("1");
		assertThat(mvc.get().uri("/people").session(session)).hasStatus(403);
		assertThat(mvc.get().uri("/people/{id}", anyone).session(session)).hasStatus(403);
		assertThat(mvc.get().uri("/people/export.xlsx").session(session)).hasStatus(403);
		assertThat(mvc.get().uri("/people/dictionaries").session(session)).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/people").session(session)).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/people/{id}", anyone).session(session)).hasStatus(403);
	}

	@Test
	void reviewersCannotReadTheRegistry() {
		assertThat(mvc.get().uri("/people").session(SignIn.as(mvc, "reviewer"))).hasStatus(403);
	}
}
