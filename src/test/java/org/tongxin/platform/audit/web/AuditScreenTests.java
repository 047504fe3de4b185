package org.tongxin.platform.audit.web;

import org.tongxin.platform.SignIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.XlsxExport;
import org.tongxin.platform.audit.AuditVerifier;
import org.tongxin.platform.audit.AuditChainTestSupport;

import org.tongxin.platform.web.AccountLocaleResolver;

@PlatformTest
class AuditScreenTests extends AuditChainTestSupport {

	@Autowired
	MockMvcTester mvc;

	MockHttpSession auditor;

	@BeforeEach
	void signInAuditor() {
		auditor = SignIn.as(mvc, "auditor");
	}

	@Test
	void auditorSeesTheLogWithTranslatedActions() {
		assertThat(mvc.get().uri("/audit").session(auditor)).hasStatusOk()
			.bodyText()
			.contains("审计日志", "auditor", "登录", "校验日志链", "/audit/export.xlsx");
		// English for this session only: "?lang=en" would also store the choice on the shared demo account.
		auditor.setAttribute(AccountLocaleResolver.SESSION_ATTRIBUTE, Locale.ENGLISH);
		assertThat(mvc.get().uri("/audit").session(auditor)).hasStatusOk()
			.bodyText()
			.contains("Audit log", "Sign-in", "Verify the chain");
	}

	@Test
	void filtersByUserActionObjectAndTime() {
		SignIn.as(mvc, "shenzhen");
		String objectType = "filter-probe-" + UUID.randomUUID();
		long probe = chain.append(objectType, "深圳园区示范点");

		assertThat(rows(mvc.get().uri("/audit").param("user", "shenzhen").param("action", "LOGIN").session(auditor)))
			.isNotEmpty()
			.allSatisfy(row -> {
				assertThat(row.actor()).isEqualTo("shenzhen");
				assertThat(row.action()).isEqualTo("LOGIN");
			});
		assertThat(rows(mvc.get().uri("/audit").param("user", "shen*").session(auditor)))
			.isNotEmpty()
			.allSatisfy(row -> assertThat(row.actor()).startsWith("shen"));
		assertThat(rows(mvc.get().uri("/audit").param("user", "shen").session(auditor))).isEmpty();

		List<AuditRow> byObject = rows(mvc.get()
			.uri("/audit")
			.param("objectType", objectType)
			.param("objectId", "深圳园区示范点")
			.param("from", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString())
			.param("to", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString())
			.session(auditor));
		assertThat(byObject).singleElement().satisfies(row -> {
			assertThat(row.id()).isEqualTo(probe);
			assertThat(row.after()).isEqualTo("{\"name\":\"深圳园区示范点\"}");
			assertThat(row.before()).isNull();
		});

		assertThat(mvc.get()
			.uri("/audit")
			.param("objectType", objectType)
			.param("from", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString())
			.session(auditor)).hasStatusOk().bodyText().contains("没有符合条件的审计记录");
	}

	@Test
	void pagesWithAKeysetCursor() {
		String objectType = "paging-probe-" + UUID.randomUUID();
		int entries = AuditController.PAGE_SIZE + 5;
		for (int i = 0; i < entries; i++) {
			chain.append(objectType, "entry-" + i);
		}

		MvcTestResult first = mvc.get().uri("/audit").param("objectType", objectType).session(auditor).exchange();
		List<AuditRow> firstRows = rows(first);
		assertThat(firstRows).hasSize(AuditController.PAGE_SIZE);
		assertThat(first).bodyText().contains("共 " + entries + " 条");
		String next = nextPageLink(first);
		assertThat(next).startsWith("/audit?objectType=" + objectType)
			.endsWith("&before=" + firstRows.getLast().id());

		MvcTestResult second = mvc.get().uri(next).session(auditor).exchange();
		List<AuditRow> secondRows = rows(second);
		assertThat(secondRows).hasSize(5);
		assertThat(nextPageLink(second)).isNull();
		assertThat(second).bodyText().contains("第一页");

		List<Long> ids = new ArrayList<>();
		firstRows.forEach(row -> ids.add(row.id()));
		secondRows.forEach(row -> ids.add(row.id()));
		assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
	}

	@Test
	void exportIsAnExcelWorkbookAndIsItselfAudited() throws IOException {
		String objectType = "export-probe-" + UUID.randomUUID();
		chain.append(objectType, "福州台江");
		chain.append(objectType, "西安");
		long before = exports();

		MvcTestResult result = mvc.get().uri("/audit/export.xlsx").param("objectType", objectType).session(auditor).exchange();

		assertThat(result).hasStatusOk().hasContentType(XlsxExport.CONTENT_TYPE);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("审计日志");
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("时间");
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			Row newest = sheet.getRow(1);
			assertThat(newest.getCell(4).getStringCellValue()).isEqualTo("新建");
			assertThat(newest.getCell(6).getStringCellValue()).isEqualTo("西安");
		}
		assertThat(exports()).isEqualTo(before + 1);
		assertThat(jdbc.sql("select detail from platform_audit_log where action = 'EXPORT' order by id desc limit 1")
			.query(String.class)
			.single()).contains(objectType);
	}

	@Test
	void onlyTheAuditAdministratorGetsIn() {
		for (String username : List.of("central", "admin", "secadmin", "chengdu")) {
			MockHttpSession session = SignIn.as(mvc, username);
			assertThat(mvc.get().uri("/audit").session(session)).hasStatus(403);
			assertThat(mvc.get().uri("/audit/export.xlsx").session(session)).hasStatus(403);
			assertThat(mvc.post().uri("/audit/verify").session(session).with(csrf())).hasStatus(403);
		}
	}

	@Test
	void verifyButtonShowsAnIntactChain() {
		MvcTestResult verified = mvc.post().uri("/audit/verify").session(auditor).with(csrf()).exchange();
		assertThat(verified).hasRedirectedUrl("/audit");
		assertThat(verified).flash()
			.extractingByKey("verification")
			.isInstanceOfSatisfying(AuditVerifier.Verification.class, result -> assertThat(result.ok()).isTrue());

		assertThat(mvc.get().uri("/audit").session(auditor)).hasStatusOk()
			.bodyText()
			.contains("日志链完整", "verdict true");
	}

	@Test
	void verifyButtonShowsTheFirstBrokenEntry() {
		long altered = chain.append("organisation", "同心家园");
		chain.append("organisation", "知音汇");

		try (var tampering = chain.tamper(altered, "{\"after\":{\"name\":\"改过\"}}")) {
			assertThat(mvc.post().uri("/audit/verify").session(auditor).with(csrf())).hasRedirectedUrl("/audit");
			assertThat(mvc.get().uri("/audit").session(auditor)).hasStatusOk()
				.bodyText()
				.contains("verdict false", "日志链在编号为 " + altered + " 的记录处断裂", "该记录被改动过",
						"/audit?before=" + (altered + 1));
		}
		assertThat(mvc.post().uri("/audit/verify").session(auditor).with(csrf())).flash()
			.extractingByKey("verification")
			.isInstanceOfSatisfying(AuditVerifier.Verification.class, result -> assertThat(result.ok()).isTrue());
	}

	private long exports() {
		return jdbc.sql("select count(*) from platform_audit_log where action = 'EXPORT' and actor = 'auditor'")
			.query(Long.class)
			.single();
	}

	private static List<AuditRow> rows(MockMvcTester.MockMvcRequestBuilder request) {
		return rows(request.exchange());
	}

	@SuppressWarnings("unchecked")
	private static List<AuditRow> rows(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		return (List<AuditRow>) result.getMvcResult().getModelAndView().getModel().get("rows");
	}

	/** The href of the pager's "next page" link, as the browser follows it; null on the last page. */
	private static String nextPageLink(MvcTestResult page) {
		java.util.regex.Matcher anchor = java.util.regex.Pattern.compile("<a\\b[^>]*\\bid=\"next-page\"[^>]*>")
			.matcher(new String(page.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8));
		if (!anchor.find()) {
			return null;
		}
		java.util.regex.Matcher href = java.util.regex.Pattern.compile("\\bhref=\"([^\"]+)\"").matcher(anchor.group());
		return href.find() ? href.group(1).replace("&amp;", "&") : null;
	}
}
