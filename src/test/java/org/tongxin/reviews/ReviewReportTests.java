package org.tongxin.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.platform.web.RenderedPages.assertRendered;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

/** The review report the central office hands out: a PDF whose Chinese can be read back, and an .xlsx. */
@PlatformTest
class ReviewReportTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePdfReportRendersChineseWithEveryProjectTitle() throws Exception {
		long round = new ReviewFixtures(mvc, jdbc).roundId(ReviewFixtures.DEMO_ROUND);
		List<String> titles = jdbc.sql("select p.title from programme_review_project rp join programme_project p on p.id = rp.project_id where rp.round_id = ?")
			.param(round).query(String.class).list();
		assertThat(titles).hasSize(15);

		var response = mvc.get().uri("/programme/reviews/{id}/report.pdf", round).session(SignIn.as(mvc, "central"))
			.exchange().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getHeader("Content-Disposition")).contains("filename*=UTF-8''");
		try (PDDocument document = Loader.loadPDF(response.getContentAsByteArray())) {
			// Long titles wrap inside table cells; the stripper gives the line breaks back.
			String text = new PDFTextStripper().getText(document).replaceAll("\\R", "");
			assertThat(text).contains("2018年中期推动 评审报告").contains("创新性").contains("覆盖面增长").contains("专家评语")
				.contains("汇聚社会组织（家）").contains("入驻社会组织达到 28 家");
			for (String title : titles) {
				assertThat(text).as(title).contains(title);
			}
			// Summary and ranking first, then one page per project.
			assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(16);
		}
		assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'EXPORT' and object_type = 'programme-review-round'")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void theWorkbookHoldsTheRankingAndThePerCriterionSheet() throws Exception {
		long round = new ReviewFixtures(mvc, jdbc).roundId(ReviewFixtures.DEMO_ROUND);
		byte[] xlsx = mvc.get().uri("/programme/reviews/{id}/results.xlsx", round).session(SignIn.as(mvc, "central"))
			.exchange().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
			var ranking = workbook.getSheetAt(0);
			assertThat(ranking.getLastRowNum()).isEqualTo(15);
			assertThat(ranking.getRow(0).getCell(0).getStringCellValue()).isEqualTo("名次");
			assertThat(ranking.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1.0);
			var criteria = workbook.getSheetAt(1);
			assertThat(criteria.getRow(0).getCell(2).getStringCellValue()).isEqualTo("创新性");
			assertThat(criteria.getRow(1).getCell(2).getNumericCellValue()).isBetween(0.0, 100.0);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en" })
	void reviewAndCasePagesRenderCompletelyInBothLanguages(String language) {
		ReviewFixtures fixtures = new ReviewFixtures(mvc, jdbc);
		long round = fixtures.roundId(ReviewFixtures.DEMO_ROUND);
		long project = jdbc.sql("select min(project_id) from programme_review_assignment where round_id = ? and reviewer = 'reviewer2'")
			.param(round).query(Long.class).single();
		long aCase = jdbc.sql("select min(id) from programme_case").query(Long.class).single();
		assertRendered(mvc, language, "central", "/programme/reviews", "/programme/reviews/new",
				"/programme/reviews/" + round, "/programme/reviews/" + round + "/results", "/programme/reviews/reviewers",
				"/programme/cases", "/programme/cases/" + aCase, "/programme/cases/new?project=" + project,
				"/programme/cases/" + aCase + "/edit");
		assertRendered(mvc, language, "reviewer2", "/programme/reviews",
				"/programme/reviews/" + round + "/projects/" + project);
		assertRendered(mvc, language, "chengdu", "/programme/reviews", "/programme/reviews/" + round + "/results",
				"/programme/cases", "/programme/cases/" + aCase);
	}
}
