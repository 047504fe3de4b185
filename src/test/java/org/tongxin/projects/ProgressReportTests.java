package org.tongxin.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/** Progress reports end to end: evidence checks, progress from latest values, overdue milestones, returns. */
@PlatformTest
class ProgressReportTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFakePdfIsRefusedWithAClearMessageAndNothingIsStored() {
		long id = ProjectFixtures.project(jdbc, ProjectFixtures.SHENZHEN);
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		for (byte[] executable : new byte[][] { ProjectFixtures.ELF, ProjectFixtures.MZ }) {
			assertThat(mvc.post().uri("/programme/projects/{id}/reports", id).multipart()
				.file(new MockMultipartFile("files", "园区活动总结.pdf", "application/pdf", executable))
				.param("kind", "AD_HOC").param("text", "带可执行文件的报告").session(shenzhen).with(csrf())).hasStatusOk()
				.bodyText()
				.contains("文件“园区活动总结.pdf”不是允许的类型");
		}
		assertThat(jdbc.sql("select count(*) from programme_report where body = '带可执行文件的报告'").query(Long.class)
			.single()).isZero();

		assertThat(mvc.post().uri("/api/v1/programme/projects/{id}/reports", id).multipart()
			.file(new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE, """
					{"kind": "AD_HOC", "text": "接口上传"}""".getBytes()))
			.file(new MockMultipartFile("files", "x.pdf", "application/pdf", ProjectFixtures.MZ))
			.session(shenzhen).with(csrf())).hasStatus(400)
			.bodyJson().extractingPath("$.code").isEqualTo("evidence.rejected.not_allowed");
	}

	@Test
	void aRealPdfAndAWordFileAreStoredWithTheirRecognisedTypeAndHash() throws Exception {
		long id = ProjectFixtures.project(jdbc, ProjectFixtures.SHENZHEN);
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		assertThat(mvc.post().uri("/programme/projects/{id}/reports", id).multipart()
			.file(new MockMultipartFile("files", "总结.pdf", "application/octet-stream", ProjectFixtures.PDF))
			.file(new MockMultipartFile("files", "签到表.docx", "application/octet-stream", ProjectFixtures.docx()))
			.param("kind", "PERIODIC").param("period", "2031-Q1").param("text", "一季度园区活动")
			.session(shenzhen).with(csrf())).hasStatus3xxRedirection();
		var types = jdbc.sql("""
				select a.content_type from programme_attachment a join programme_report r on r.id = a.report_id
				where r.body = '一季度园区活动' order by a.id""").query(String.class).list();
		assertThat(types).containsExactly("application/pdf",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(jdbc.sql("""
				select count(*) from programme_attachment a join programme_report r on r.id = a.report_id
				where r.body = '一季度园区活动' and length(a.sha256) = 64""").query(Long.class).single()).isEqualTo(2);

		assertThat(mvc.post().uri("/programme/projects/{id}/reports", id).multipart()
			.param("kind", "PERIODIC").param("period", "2031-Q1").param("text", "重复的季度")
			.session(shenzhen).with(csrf())).hasStatusOk().bodyText().contains("2031-Q1 的季度报告已经报送。");
	}

	@Test
	void theLatestReportedValueDrivesProgress() {
		long id = ProjectFixtures.project(jdbc, ProjectFixtures.TIANJIN);
		MockHttpSession central = SignIn.as(mvc, "central");
		long indicator = jdbc.sql("select id from programme_indicator where project_id = ? and name = '开展“五心”服务活动'")
			.param(id).query(Long.class).single();
		var before = mvc.get().uri("/api/v1/programme/projects/{id}", id).session(central).exchange();
		assertThat(before).bodyJson().extractingPath("$.indicators[?(@.id == " + indicator + ")].latest").asArray()
			.containsExactly(26.0);

		assertThat(mvc.post().uri("/api/v1/programme/projects/{id}/reports", id).session(central).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"kind": "PERIODIC", "period": "2032-Q2", "text": "服务活动全部完成", "values": {"%d": 40}}"""
				.formatted(indicator))).hasStatus(201);
		var after = mvc.get().uri("/api/v1/programme/projects/{id}", id).session(central).exchange();
		assertThat(after).bodyJson().extractingPath("$.indicators[?(@.id == " + indicator + ")].percent").asArray()
			.containsExactly(100);
		// 服务人次 2200 / 3000 → 73 %, 活动 40 / 40 → 100 %: mean 87 %.
		assertThat(after).bodyJson().extractingPath("$.progress").isEqualTo(87);
	}

	@Test
	void anOverdueMilestoneIsFlaggedForTheOwnerAndTheLevelAbove() {
		long id = ProjectFixtures.project(jdbc, ProjectFixtures.CHENGDU);
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String yesterday = LocalDate.now().minusDays(1).toString();
		assertThat(mvc.post().uri("/programme/projects/{id}/milestones", id).session(chengdu).with(csrf())
			.param("title", "年度公益活动总结会").param("dueOn", yesterday)).hasStatus3xxRedirection();
		assertThat(mvc.post().uri("/programme/projects/{id}/milestones", id).session(chengdu).with(csrf())
			.param("title", "明年活动计划").param("dueOn", LocalDate.now().plusDays(30).toString())).hasStatus3xxRedirection();

		assertThat(mvc.get().uri("/api/v1/programme/projects/{id}", id).session(chengdu)).bodyJson()
			.extractingPath("$.milestones[?(@.title == '年度公益活动总结会')].overdue").asArray().containsExactly(true);
		assertThat(mvc.get().uri("/api/v1/programme/projects/{id}", id).session(chengdu)).bodyJson()
			.extractingPath("$.milestones[?(@.title == '明年活动计划')].overdue").asArray().containsExactly(false);
		assertThat(mvc.get().uri("/programme/projects/{id}", id).session(chengdu)).bodyText().contains("已逾期");
		assertThat(mvc.get().uri("/programme/projects/dashboard").session(SignIn.as(mvc, "sichuan"))).hasStatusOk()
			.bodyText().contains("年度公益活动总结会");
		assertThat(mvc.get().uri("/programme/projects/dashboard").session(SignIn.as(mvc, "shenzhen"))).hasStatusOk()
			.bodyText().doesNotContain("年度公益活动总结会");
	}

	@Test
	void onlyTheLevelAboveReturnsAReportAndTheOwnerRevisesIt() {
		long project = ProjectFixtures.project(jdbc, ProjectFixtures.CHENGDU);
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.post().uri("/api/v1/programme/projects/{id}/reports", project).session(chengdu).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"kind": "PERIODIC", "period": "2033-Q3", "text": "待审核的报告"}""")).hasStatus(201);
		long report = jdbc.sql("select id from programme_report where body = '待审核的报告'").query(Long.class).single();
		String returnUrl = "/programme/projects/" + project + "/reports/" + report + "/return";

		assertThat(mvc.post().uri(returnUrl).param("comment", "自己退回").session(chengdu).with(csrf())).hasStatus(403);
		assertThat(mvc.post().uri(returnUrl).param("comment", "越权").session(SignIn.as(mvc, "shenzhen")).with(csrf()))
			.hasStatus(404);
		assertThat(mvc.post().uri(returnUrl).param("comment", "评审专家").session(SignIn.as(mvc, "reviewer")).with(csrf()))
			.hasStatus(403);
		assertThat(state(report)).isEqualTo("SUBMITTED");

		MockHttpSession sichuan = SignIn.as(mvc, "sichuan");
		assertThat(mvc.post().uri(returnUrl).param("comment", " ").session(sichuan).with(csrf())).hasStatus3xxRedirection();
		assertThat(state(report)).isEqualTo("SUBMITTED");
		assertThat(mvc.post().uri(returnUrl).param("comment", "请补充活动照片").session(sichuan).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(state(report)).isEqualTo("RETURNED");
		assertThat(mvc.get().uri("/programme/projects/{id}", project).session(chengdu)).bodyText().contains("请补充活动照片");

		assertThat(mvc.post().uri("/programme/projects/{id}/reports/{r}/revise", project, report).multipart()
			.file(new MockMultipartFile("files", "活动照片.pdf", "application/pdf", ProjectFixtures.PDF))
			.param("kind", "PERIODIC").param("period", "2033-Q3").param("text", "已补充活动照片")
			.session(chengdu).with(csrf())).hasStatus3xxRedirection();
		assertThat(state(report)).isEqualTo("SUBMITTED");
		assertThat(jdbc.sql("select revision from programme_report where id = ?").param(report).query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_log
				where object_type = 'programme-report' and object_id = ? and action = 'UPDATE'""")
			.param(Long.toString(report)).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void theCentreReturnsADistrictsReportButTheDistrictCannot() {
		long project = ProjectFixtures.project(jdbc, ProjectFixtures.YUZHONG);
		MockHttpSession yuzhong = SignIn.as(mvc, "yuzhong");
		assertThat(mvc.post().uri("/api/v1/programme/projects/{id}/reports", project).session(yuzhong).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"kind": "AD_HOC", "text": "渝中区专项报告"}""")).hasStatus(201);
		long report = jdbc.sql("select id from programme_report where body = '渝中区专项报告'").query(Long.class).single();
		String returnUrl = "/programme/projects/" + project + "/reports/" + report + "/return";
		assertThat(mvc.post().uri(returnUrl).param("comment", "自审").session(yuzhong).with(csrf())).hasStatus(403);
		assertThat(mvc.post().uri(returnUrl).param("comment", "请补充数据").session(SignIn.as(mvc, "central")).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(state(report)).isEqualTo("RETURNED");
	}

	private String state(long report) {
		return jdbc.sql("select state from programme_report where id = ?").param(report).query(String.class).single();
	}
}
