package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Issue 9, item 1: a viewer without people:reveal (chengdu) sees the decade of birth and no character of the
 * ID number — on the page, in the list, in both exports, in the API and in the audit log; a holder of
 * people:reveal (central) sees the birth date.
 */
@PlatformTest
class MaskedBirthTests {

	static final String NAME = "年代测试人";

	static final LocalDate BORN = LocalDate.of(1984, 7, 9);

	static final String ID = PeopleFixtures.idNumber("510104", BORN, 613);

	static final String TAIL = ID.substring(14);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	long person;

	@BeforeEach
	void registered() {
		person = PeopleFixtures.registeredOnce(mvc, jdbc, "central", NAME,
				PeopleFixtures.json(510104, NAME, ID, "13955550613", "NEW_MEDIA", "成都年代传媒有限公司"));
	}

	@Test
	void staffWithoutRevealSeeTheDecadeAndNoDigitOfTheIdNumberOnPageListAndApi() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/people/{id}", person).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("1980年代")
			.contains("*".repeat(18))
			.doesNotContain(BORN.toString())
			.doesNotContain(TAIL);
		assertThat(mvc.get().uri("/people?q={q}", NAME).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains(NAME)
			.contains("1980年代")
			.contains(">出生年代</th>")
			.doesNotContain(">年龄</th>")
			.doesNotContain(BORN.toString());
		assertThat(mvc.get().uri("/people/{id}/edit", person).session(chengdu)).hasStatusOk()
			.bodyText()
			.doesNotContain(BORN.toString())
			.doesNotContain(TAIL);
		var json = assertThat(mvc.get().uri("/api/v1/people/{id}", person).session(chengdu)).hasStatusOk().bodyJson();
		json.extractingPath("$.birthDate").isNull();
		json.extractingPath("$.birthDecade").isEqualTo(1980);
		json.extractingPath("$.idNumber").isEqualTo("*".repeat(18));
		var list = assertThat(mvc.get().uri("/api/v1/people?q={q}", NAME).session(chengdu)).hasStatusOk().bodyJson();
		list.extractingPath("$.items[0].birthDate").isNull();
		list.extractingPath("$.items[0].birthDecade").isEqualTo(1980);
	}

	@Test
	void staffWithoutRevealExportTheDecadeInCsvAndXlsx() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String csv = mvc.get().uri("/people/export.csv?q={q}", NAME).session(chengdu).exchange().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains(NAME).contains("1980年代").contains("*".repeat(18)).doesNotContain(BORN.toString())
			.doesNotContain("1984").doesNotContain(TAIL);
		byte[] xlsx = mvc.get().uri("/people/export.xlsx?q={q}", NAME).session(chengdu).exchange().getResponse()
			.getContentAsByteArray();
		String cells = String.join("|", cells(xlsx));
		assertThat(cells).contains(NAME).contains("1980年代").contains("*".repeat(18)).doesNotContain(BORN.toString())
			.doesNotContain("1984").doesNotContain(TAIL);
	}

	@Test
	void holdersOfRevealSeeTheBirthDateButStillNotTheIdNumber() {
		MockHttpSession central = SignIn.as(mvc, "central");
		assertThat(mvc.get().uri("/people/{id}", person).session(central)).hasStatusOk()
			.bodyText()
			.contains(BORN.toString())
			.doesNotContain(TAIL);
		assertThat(mvc.get().uri("/api/v1/people/{id}", person).session(central)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.birthDate")
			.isEqualTo(BORN.toString());
	}

	@Test
	void theAuditLogKeepsNeitherBirthDateNorIdDigitsEvenWhenARevealerMadeTheChange() {
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_log where object_type = 'person' and object_id = ?
				  and (detail like ? or detail like ?)""")
			.params(Long.toString(person), "%" + BORN + "%", "%\"" + TAIL + "%")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from platform_audit_log where object_type = 'person' and object_id = ? and action = 'CREATE'")
			.param(Long.toString(person)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anAgeFilterNarrowsOnlyToWholeDecadesWithoutReveal() {
		// 42 years old on most days of 2026; an age filter of exactly 40 would leave the person out.
		int age = java.time.Period.between(BORN, LocalDate.now()).getYears();
		int other = age - 2;
		assertThat(mvc.get().uri("/people?q={q}&minAge={a}&maxAge={a}", NAME, other, other).session(SignIn.as(mvc, "central")))
			.bodyText().doesNotContain("成都年代传媒有限公司");
		// The same filter for a viewer who sees only decades covers the whole decade of birth (1980–1989).
		assertThat(mvc.get().uri("/people?q={q}&minAge={a}&maxAge={a}", NAME, other, other).session(SignIn.as(mvc, "chengdu")))
			.bodyText().contains("成都年代传媒有限公司");
		int outside = LocalDate.now().getYear() - 1975;
		assertThat(mvc.get().uri("/people?q={q}&minAge={a}&maxAge={a}", NAME, outside, outside).session(SignIn.as(mvc, "chengdu")))
			.bodyText().doesNotContain("成都年代传媒有限公司");
	}

	@Test
	void editingWithoutRevealKeepsTheStoredBirthDate() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long other = PeopleFixtures.idOf(jdbc, NAME);
		// A person without an ID number, so the birth date is not derived from it.
		String name = "无证年代测试";
		if (jdbc.sql("select count(*) from people_person where name = ?").param(name).query(Long.class).single() == 0) {
			assertThat(PeopleFixtures.create(mvc, SignIn.as(mvc, "central"), """
					{"unit": 510104, "name": "%s", "sex": "F", "birthDate": "1991-03-05", "group": "NEW_MEDIA",
					 "legalBasis": "CONSENT"}""".formatted(name))).hasStatus(201);
		}
		long id = PeopleFixtures.idOf(jdbc, name);
		assertThat(other).isNotEqualTo(id);
		assertThat(PeopleFixtures.update(mvc, chengdu, id, """
					{"unit": 510104, "name": "%s", "sex": "F", "group": "NEW_MEDIA", "employer": "改过的单位",
					 "legalBasis": "CONSENT"}""".formatted(name))).hasStatusOk();
		assertThat(jdbc.sql("select birth_date from people_person where id = ?").param(id).query(LocalDate.class).single())
			.isEqualTo(LocalDate.of(1991, 3, 5));
	}

	static List<String> cells(byte[] xlsx) throws Exception {
		List<String> values = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				for (Cell cell : row) {
					values.add(cell.toString());
				}
			}
		}
		return values;
	}
}
