package org.tongxin.projects;

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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Data scope on key projects: a city sees and edits only its own projects (and those of its districts),
 * through every door — list, detail, id guessing, API, export, report upload, evidence download.
 */
@PlatformTest
class ProjectScopeTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	long project(String carrier) {
		return ProjectFixtures.project(jdbc, carrier);
	}

	@Test
	void listShowsOnlyTheOwnUnitAndBelow() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/programme/projects").session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("芳草社区“同心家园”")
			.doesNotContain("园区示范点建设")
			.doesNotContain("U创空间");

		assertThat(mvc.get().uri("/programme/projects").session(SignIn.as(mvc, "yuzhong"))).bodyText()
			.contains("“U创空间”三方联动")
			.doesNotContain("同心家园");

		assertThat(mvc.get().uri("/programme/projects").session(SignIn.as(mvc, "sichuan"))).bodyText()
			.contains("芳草社区“同心家园”")
			.doesNotContain("园区示范点建设");

		assertThat(mvc.get().uri("/programme/projects?q=同心家园").session(SignIn.as(mvc, "central"))).bodyText()
			.contains("芳草社区“同心家园”");
	}

	@Test
	void anotherCitysProjectIsNotFoundAnywhere() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long shenzhen = project(ProjectFixtures.SHENZHEN);
		assertThat(mvc.get().uri("/programme/projects/{id}", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.get().uri("/programme/projects/{id}/edit", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.get().uri("/programme/projects/{id}/reports/new", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.post().uri("/programme/projects/{id}/status", shenzhen).param("status", "STOPPED")
			.session(chengdu).with(csrf())).hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/programme/projects/{id}", shenzhen).session(chengdu)).hasStatus(404);
		assertThat(mvc.post().uri("/api/v1/programme/projects/{id}/reports", shenzhen).session(chengdu).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "AD_HOC", "text": "越权报送"}""")).hasStatus(404);
		assertThat(mvc.post().uri("/programme/projects/{id}/reports", shenzhen).multipart()
			.file(new MockMultipartFile("files", "证明.pdf", "application/pdf", ProjectFixtures.PDF))
			.param("kind", "AD_HOC").param("text", "越权报送").session(chengdu).with(csrf())).hasStatus(404);
		assertThat(jdbc.sql("select count(*) from programme_report where body = '越权报送'").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select status from programme_project where id = ?").param(shenzhen).query(String.class)
			.single()).isNotEqualTo("STOPPED");

		assertThat(mvc.get().uri("/programme/projects/{id}", project(ProjectFixtures.CHENGDU)).session(chengdu))
			.hasStatusOk();
	}

	@Test
	void guessingEveryIdYieldsOnlyTheOwnProject() {
		MockHttpSession yuzhong = SignIn.as(mvc, "yuzhong");
		List<Long> visible = new ArrayList<>();
		for (long id : jdbc.sql("select id from programme_project order by id").query(Long.class).list()) {
			int status = mvc.get().uri("/api/v1/programme/projects/{id}", id).session(yuzhong).exchange().getResponse()
				.getStatus();
			if (status == 200) {
				visible.add(id);
			}
			else {
				assertThat(status).isEqualTo(404);
			}
		}
		assertThat(visible).containsExactly(project(ProjectFixtures.YUZHONG));
	}

	@Test
	void apiListAndExportStayInScope() throws Exception {
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		assertThat(mvc.get().uri("/api/v1/programme/projects").session(shenzhen)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].city")
			.asArray()
			.containsExactly("深圳市");

		byte[] xlsx = mvc.get().uri("/programme/projects/export.xlsx").session(SignIn.as(mvc, "sichuan")).exchange()
			.getResponse().getContentAsByteArray();
		List<String> places = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getSheetAt(0)) {
				if (row.getRowNum() > 0) {
					places.add(row.getCell(3).getStringCellValue());
				}
			}
		}
		assertThat(places).isNotEmpty().allSatisfy(place -> assertThat(place).startsWith("成都市"));
	}

	@Test
	void evidenceIsDownloadedOnlyInsideTheScope() {
		long chengduProject = project(ProjectFixtures.CHENGDU);
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.post().uri("/programme/projects/{id}/reports", chengduProject).multipart()
			.file(new MockMultipartFile("files", "活动照片说明.pdf", "application/pdf", ProjectFixtures.PDF))
			.param("kind", "AD_HOC").param("text", "公益活动证明材料").session(chengdu).with(csrf())).hasStatus3xxRedirection();
		long attachment = jdbc.sql("""
				select a.id from programme_attachment a join programme_report r on r.id = a.report_id
				where r.body = '公益活动证明材料'""").query(Long.class).single();

		String url = "/programme/projects/" + chengduProject + "/attachments/" + attachment;
		var download = mvc.get().uri(url).session(chengdu).exchange();
		assertThat(download).hasStatusOk().hasContentType("application/pdf");
		assertThat(download).headers().hasValue("X-Content-Type-Options", "nosniff");
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(ProjectFixtures.PDF);

		assertThat(mvc.get().uri(url).session(SignIn.as(mvc, "sichuan"))).hasStatusOk();
		assertThat(mvc.get().uri(url).session(SignIn.as(mvc, "shenzhen"))).hasStatus(404);
		long shenzhenProject = project(ProjectFixtures.SHENZHEN);
		assertThat(mvc.get().uri("/programme/projects/" + shenzhenProject + "/attachments/" + attachment)
			.session(SignIn.as(mvc, "shenzhen"))).hasStatus(404);
	}

	@Test
	void aCityEditsItsOwnProjectsButCannotMoveThemOutOfItsScope() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long id = project(ProjectFixtures.CHENGDU);
		assertThat(mvc.get().uri("/programme/projects/{id}/edit", id).session(chengdu)).hasStatusOk();
		int version = jdbc.sql("select version from programme_project where id = ?").param(id).query(Integer.class).single();
		long batch = jdbc.sql("select batch_id from programme_project where id = ?").param(id).query(Long.class).single();
		assertThat(mvc.post().uri("/programme/projects/{id}", id).session(chengdu).with(csrf())
			.param("version", Integer.toString(version)).param("batch", Long.toString(batch)).param("unit", "440300")
			.param("title", "挪到深圳").param("targetGroups", "FREELANCE")).hasStatus(403);
		assertThat(jdbc.sql("select unit_id from programme_project where id = ?").param(id).query(Long.class).single())
			.isEqualTo(510100L);

		assertThat(mvc.post().uri("/programme/projects").session(chengdu).with(csrf())
			.param("batch", Long.toString(batch)).param("unit", "510107").param("title", "武侯区楼宇项目")
			.param("targetGroups", "ENTERPRISE", "NEW_MEDIA")).hasStatus3xxRedirection();
		assertThat(jdbc.sql("select unit_name || '|' || city_name from programme_project where title = '武侯区楼宇项目'")
			.query(String.class).single()).isEqualTo("成都市 / 武侯区|成都市");
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_log where object_type = 'programme-project' and action = 'CREATE'
				and actor = 'chengdu'""").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void readersAndReviewersCannotChangeProjectsAndOnlyTheCentreKeepsBatches() {
		MockHttpSession reviewer = SignIn.as(mvc, "reviewer");
		// Reviewers see projects only through their review assignments (/programme/reviews).
		assertThat(mvc.get().uri("/programme/projects").session(reviewer)).hasStatus(403);
		assertThat(mvc.get().uri("/programme/projects/new").session(reviewer)).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/programme/projects/{id}", project(ProjectFixtures.TIANJIN)).session(reviewer))
			.hasStatus(403);
		long id = project(ProjectFixtures.TIANJIN);
		assertThat(mvc.post().uri("/api/v1/programme/projects/{id}/reports", id).session(reviewer).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"kind": "AD_HOC", "text": "评审专家不报送"}""")).hasStatus(403);

		assertThat(mvc.get().uri("/programme/projects/batches/new").session(SignIn.as(mvc, "chengdu"))).hasStatus(403);
		MockHttpSession central = SignIn.as(mvc, "central");
		assertThat(mvc.get().uri("/programme/projects/batches/new").session(central)).hasStatusOk();
		assertThat(mvc.post().uri("/programme/projects/batches").session(central).with(csrf())
			.param("number", "1").param("year", "2019").param("title", "重复").param("plannedCount", "3")).hasStatusOk()
			.bodyText().contains("第1批已存在。");
	}
}
