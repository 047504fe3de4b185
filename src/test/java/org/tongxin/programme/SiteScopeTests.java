package org.tongxin.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Data scope on demonstration sites: an account sees its unit and below, through every door — list,
 * detail by id, edit, API, export — and guessing ids gets nothing.
 */
@PlatformTest
class SiteScopeTests {

	static final String SHENZHEN_SITE = "南山区科技园新阶层人士示范点";

	static final String CHENGDU_SITE = "芳草社区“同心家园”";

	static final String YUZHONG_SITE = "U创空间";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	long siteId(String name) {
		return jdbc.sql("select id from programme_site where name = ?").param(name).query(Long.class).single();
	}

	@Test
	void listShowsOnlyTheAccountsOwnUnitAndBelow() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/programme/sites").session(chengdu)).hasStatusOk()
			.bodyText()
			.contains(CHENGDU_SITE)
			.doesNotContain(SHENZHEN_SITE)
			.doesNotContain(YUZHONG_SITE);

		MockHttpSession yuzhong = SignIn.as(mvc, "yuzhong");
		assertThat(mvc.get().uri("/programme/sites").session(yuzhong)).hasStatusOk()
			.bodyText()
			.contains(YUZHONG_SITE)
			.doesNotContain(CHENGDU_SITE)
			.doesNotContain("静安区");

		MockHttpSession sichuan = SignIn.as(mvc, "sichuan");
		assertThat(mvc.get().uri("/programme/sites").session(sichuan)).bodyText()
			.contains(CHENGDU_SITE)
			.doesNotContain(SHENZHEN_SITE);

		MockHttpSession central = SignIn.as(mvc, "central");
		assertThat(mvc.get().uri("/programme/sites").session(central)).bodyText()
			.contains(CHENGDU_SITE)
			.contains(SHENZHEN_SITE)
			.contains(YUZHONG_SITE);
	}

	@Test
	void wildcardsTypedIntoTheSearchMatchOnlyThemselves() {
		MockHttpSession central = SignIn.as(mvc, "central");
		assertThat(mvc.get().uri("/programme/sites?q={q}", "同心").session(central)).bodyText().contains(CHENGDU_SITE);
		for (String wildcard : new String[] { "%", "_", "\\" }) {
			assertThat(mvc.get().uri("/programme/sites?q={q}", wildcard).session(central)).as(wildcard).hasStatusOk()
				.bodyText()
				.doesNotContain(CHENGDU_SITE)
				.doesNotContain(SHENZHEN_SITE);
		}
	}

	@Test
	void anotherUnitsSiteIsNotFoundByIdInTheUiOrTheApi() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long shenzhen = siteId(SHENZHEN_SITE);
		assertThat(mvc.get().uri("/programme/sites/{id}", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.get().uri("/programme/sites/{id}/edit", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.post()
			.uri("/programme/sites/{id}/close", shenzhen)
			.param("closed", "true")
			.session(chengdu)
			.with(csrf())).hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/programme/sites/{id}", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.put()
			.uri("/api/v1/programme/sites/{id}", shenzhen)
			.session(chengdu)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"parentUnit": 510104, "name": "改名", "kind": "PARK"}""")).hasStatus(404);
		assertThat(jdbc.sql("select closed_on is null from programme_site where id = ?").param(shenzhen)
			.query(Boolean.class).single()).isTrue();

		assertThat(mvc.get().uri("/programme/sites/{id}", siteId(CHENGDU_SITE)).session(chengdu)).hasStatusOk();
	}

	@Test
	void guessingEveryIdYieldsOnlyTheOwnSite() {
		MockHttpSession yuzhong = SignIn.as(mvc, "yuzhong");
		List<Long> visible = new ArrayList<>();
		for (long id : jdbc.sql("select id from programme_site order by id").query(Long.class).list()) {
			int status = mvc.get().uri("/api/v1/programme/sites/{id}", id).session(yuzhong).exchange().getResponse()
				.getStatus();
			if (status == 200) {
				visible.add(id);
			}
			else {
				assertThat(status).isEqualTo(404);
			}
		}
		assertThat(visible).containsExactly(siteId(YUZHONG_SITE));
	}

	@Test
	void apiListAndExportStayInScope() throws Exception {
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		var json = assertThat(mvc.get().uri("/api/v1/programme/sites?size=500").session(shenzhen)).hasStatusOk()
			.bodyJson();
		json.extractingPath("$.items[*].place").asArray().isNotEmpty().allSatisfy(
				place -> assertThat(place.toString()).startsWith("深圳市"));

		byte[] xlsx = mvc.get().uri("/programme/sites/export.xlsx?closed=true").session(shenzhen).exchange()
			.getResponse().getContentAsByteArray();
		List<String> places = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					places.add(row.getCell(2).getStringCellValue());
				}
			}
		}
		assertThat(places).hasSizeGreaterThanOrEqualTo(4).allSatisfy(place -> assertThat(place).startsWith("深圳市"));
	}

	@Test
	void aSiteCanOnlyBeOpenedInsideTheScope() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.post()
			.uri("/api/v1/programme/sites")
			.session(chengdu)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"parentUnit": 440305, "name": "越权示范点", "kind": "PARK"}""")).hasStatus(403);
		assertThat(jdbc.sql("select count(*) from programme_site where name = '越权示范点'").query(Long.class).single())
			.isZero();

		var created = mvc.post()
			.uri("/api/v1/programme/sites")
			.session(chengdu)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"parentUnit": 510104, "name": "锦江区楼宇联络站", "kind": "BUILDING", "address": "成都市锦江区红星路"}""")
			.exchange();
		assertThat(created).hasStatus(201);
		assertThat(created).bodyJson().extractingPath("$.place").isEqualTo("成都市 / 锦江区");
		long id = siteId("锦江区楼宇联络站");

		assertThat(mvc.get().uri("/api/v1/programme/sites/{id}", id).session(SignIn.as(mvc, "sichuan"))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/programme/sites/{id}", id).session(SignIn.as(mvc, "shenzhen"))).hasStatus(404);
		assertThat(mvc.post().uri("/api/v1/programme/sites/{id}/close", id).session(SignIn.as(mvc, "shenzhen")).with(csrf()))
			.hasStatus(404);
		assertThat(mvc.post().uri("/api/v1/programme/sites/{id}/close", id).session(chengdu).with(csrf())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.closedOn")
			.isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
		assertThat(jdbc.sql("select count(*) from platform_audit_log where object_type = 'programme-site' and object_id = ?"
				+ " and action = 'CREATE' and actor = 'chengdu'").param(Long.toString(id)).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void invalidInputIsRefusedWithClearMessages() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.post()
			.uri("/api/v1/programme/sites")
			.session(chengdu)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"parentUnit": 510104, "name": " ", "openedOn": "2999-01-01"}""")).hasStatus(400);

		assertThat(mvc.post()
			.uri("/programme/sites")
			.session(chengdu)
			.with(csrf())
			.param("city", "510100")
			.param("parentUnit", "510104")
			.param("name", "")
			.param("kind", "")).hasStatusOk()
			.bodyText()
			.contains("请填写示范点名称。")
			.contains("请选择示范点类型。");
	}

	@Test
	void readersWithoutWritePermissionCannotChangeSites() {
		MockHttpSession reviewer = SignIn.as(mvc, "reviewer");
		assertThat(mvc.get().uri("/programme/sites/new").session(reviewer)).hasStatus(403);
		assertThat(mvc.post()
			.uri("/api/v1/programme/sites")
			.session(reviewer)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"parentUnit": 510104, "name": "评审专家建的点", "kind": "PARK"}""")).hasStatus(403);
	}
}
