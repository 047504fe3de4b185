package org.tongxin.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Data scope on organisations and their members through every door — list, detail, edit, members, export,
 * API, the person tab — and guessed ids get 404.
 */
@PlatformTest
class OrganisationScopeTests {

	static final String CHENGDU_ORG = "成都同心家园";

	static final String SHENZHEN_ORG = "深圳市新的社会阶层人士联谊会";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	long org(String name) {
		return jdbc.sql("select id from org_organisation where name = ?").param(name).query(Long.class).single();
	}

	/** A person of the city who belongs to no organisation yet. */
	long personIn(String regionCode, int offset) {
		return jdbc.sql("""
				select id from people_person where region_code = ? and anonymised_at is null
				and id not in (select person_id from org_membership) order by id limit 1 offset ?""")
			.params(regionCode, offset)
			.query(Long.class)
			.single();
	}

	@Test
	void listsShowOnlyTheAccountsOwnUnitAndBelow() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/organisations?kind=HOME").session(chengdu)).hasStatusOk()
			.bodyText()
			.contains(CHENGDU_ORG)
			.doesNotContain("天津心·家园")
			.doesNotContain("台江区金领E家");
		assertThat(mvc.get().uri("/organisations?q=分会").session(chengdu)).bodyText().contains("锦江区分会");
		assertThat(mvc.get().uri("/organisations?q=联谊会").session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("成都市新的社会阶层人士联谊会")
			.doesNotContain(SHENZHEN_ORG)
			.doesNotContain("上海市新的社会阶层人士联合会");
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		assertThat(mvc.get().uri("/organisations?q=联谊会").session(shenzhen)).bodyText()
			.contains(SHENZHEN_ORG)
			.doesNotContain("成都市新的社会阶层人士联谊会");
		assertThat(mvc.get().uri("/api/v1/organisations?size=500").session(chengdu)).bodyText()
			.contains(CHENGDU_ORG)
			.doesNotContain(SHENZHEN_ORG);
		MockHttpSession central = SignIn.as(mvc, "central");
		assertThat(mvc.get().uri("/api/v1/organisations?size=500").session(central)).bodyText()
			.contains(CHENGDU_ORG)
			.contains(SHENZHEN_ORG)
			.contains("上海市新的社会阶层人士联合会");
	}

	@Test
	void anotherUnitsOrganisationIsNotFoundByIdAnywhere() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long shenzhen = org(SHENZHEN_ORG);
		assertThat(mvc.get().uri("/organisations/{id}", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.get().uri("/organisations/{id}/edit", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.get().uri("/organisations/{id}/members/export.xlsx", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.get().uri("/organisations/{id}/term", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/organisations/{id}", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/organisations/{id}/members", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.put()
			.uri("/api/v1/organisations/{id}", shenzhen)
			.session(chengdu)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unit\": 510100, \"name\": \"改名\", \"kind\": \"ASSOCIATION\", \"partyOrgForm\": \"NONE\"}"))
			.hasStatus(404);
		assertThat(mvc.get().uri("/organisations/{id}", org(CHENGDU_ORG)).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("28 家社会组织".replace(" ", ""));
		assertThat(jdbc.sql("select name from org_organisation where id = ?").param(shenzhen).query(String.class).single())
			.isEqualTo(SHENZHEN_ORG);
	}

	@Test
	void aChengduAccountCannotAddMembersToAShenzhenOrganisationNorAddShenzhenPeople() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long shenzhenOrg = org(SHENZHEN_ORG);
		long chengduPerson = personIn("510100", 0);
		String body = "{\"person\": %d, \"role\": \"MEMBER\"}";
		assertThat(mvc.post()
			.uri("/api/v1/organisations/{id}/members", shenzhenOrg)
			.session(chengdu)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(chengduPerson))).hasStatus(404);
		assertThat(mvc.post()
			.uri("/organisations/{id}/members", shenzhenOrg)
			.session(chengdu)
			.with(csrf())
			.param("person", Long.toString(chengduPerson))
			.param("role", "MEMBER")).hasStatus(404);
		long before = jdbc.sql("select count(*) from org_membership where organisation_id = ?").param(shenzhenOrg)
			.query(Long.class)
			.single();
		assertThat(before).isEqualTo(jdbc.sql("select count(*) from org_membership where organisation_id = ?")
			.param(shenzhenOrg)
			.query(Long.class)
			.single());

		long shenzhenPerson = personIn("440300", 5);
		var refused = mvc.post()
			.uri("/api/v1/organisations/{id}/members", org(CHENGDU_ORG))
			.session(chengdu)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(shenzhenPerson))
			.exchange();
		assertThat(refused).hasStatus(400);
		assertThat(refused).bodyText().contains("member.person.outOfScope");

		var added = mvc.post()
			.uri("/api/v1/organisations/{id}/members", org(CHENGDU_ORG))
			.session(chengdu)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(chengduPerson))
			.exchange();
		assertThat(added).hasStatus(201);
		assertThat(added).bodyJson().extractingPath("$.person").isEqualTo((int) chengduPerson);
	}

	@Test
	void theMemberListIsSearchedByNameThroughTheRegistryWithinScope() {
		long association = org("成都市新的社会阶层人士联谊会");
		List<String> names = jdbc.sql("""
				select distinct p.name from org_membership m join people_person p on p.id = m.person_id
				where m.organisation_id = ? order by p.name limit 2""").param(association).query(String.class).list();
		assertThat(names).hasSize(2);
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/organisations/{id}?q={q}", association, names.get(0)).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains(names.get(0))
			.doesNotContain(names.get(1));
		assertThat(mvc.get().uri("/organisations/{id}?q={q}", association, "查无此人").session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("共 0 条")
			.doesNotContain(names.get(0))
			.doesNotContain(names.get(1));
	}

	@Test
	void membersExportAndPersonTabStayInScope() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long home = org(CHENGDU_ORG);
		var export = mvc.get().uri("/organisations/export.xlsx").session(chengdu).exchange();
		assertThat(export).hasStatusOk();
		List<String> names = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			for (Row row : book.getSheetAt(0)) {
				names.add(row.getCell(0).getStringCellValue());
			}
		}
		assertThat(names).contains(CHENGDU_ORG, "锦江区分会").doesNotContain(SHENZHEN_ORG, "天津心·家园");

		var members = mvc.get().uri("/organisations/{id}/members/export.xlsx", home).session(chengdu).exchange();
		assertThat(members).hasStatusOk();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(members.getResponse().getContentAsByteArray()))) {
			assertThat(book.getSheetAt(0).getLastRowNum()).isGreaterThan(5);
		}

		long member = jdbc.sql("select person_id from org_membership where organisation_id = ? order by id limit 1")
			.param(home)
			.query(Long.class)
			.single();
		assertThat(mvc.get().uri("/organisations/of-person/{id}", member).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains(CHENGDU_ORG);
		assertThat(mvc.get().uri("/organisations/of-person/{id}", member).session(SignIn.as(mvc, "shenzhen")))
			.hasStatus(404);
		long stranger = personIn("510100", 1);
		assertThat(mvc.get().uri("/organisations/of-person/{id}", stranger).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("尚未加入");
	}
}
