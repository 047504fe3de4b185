package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.audit.AuditVerifier;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Issue 9, item 3: the audit log records which fields of a person changed, never their values, so neither
 * the auditor nor the log's 180 days hold a person's data, and anonymising leaves nothing of them behind.
 */
@PlatformTest
class PeopleAuditPrivacyTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditVerifier verifier;

	@Test
	void createUpdateAndAnonymiseLeaveNoPersonalValueInTheAuditLog() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		LocalDate birth = LocalDate.of(1986, 4, 23);
		String idNumber = PeopleFixtures.idNumber("510104", birth, 518);
		String created = PeopleFixtures.create(mvc, chengdu, """
				{"unit": 510104, "name": "审计隐私甲", "idNumber": "%s", "phone": "13912348832",
				 "email": "shenji.yinsi@example.cn", "address": "成都市锦江区红星路三段99号", "group": "ENTERPRISE",
				 "employer": "成都隐私测试科技有限公司", "position": "总经理", "legalBasis": "CONSENT", "ethnicity": "01",
				 "notes": "备注：其兄在区政协任职", "tags": "隐私标签"}""".formatted(idNumber))
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		long person = PeopleFixtures.idOf(jdbc, "审计隐私甲");
		String maskedId = JsonPath.read(created, "$.idNumber");
		String maskedPhone = JsonPath.read(created, "$.phone");

		assertThat(PeopleFixtures.update(mvc, chengdu, person, 0, """
					{"unit": 510104, "name": "审计隐私乙", "idNumber": "%s", "phone": "13799995566",
					 "email": "yinsi.new@example.cn", "address": "成都市武侯区人民南路四段1号", "group": "NEW_MEDIA",
					 "subgroup": "INFLUENCER", "employer": "成都隐私传媒有限公司", "position": "主编", "legalBasis": "CONSENT",
					 "ethnicity": "01", "notes": "新备注：联系人张某某"}""".formatted(idNumber)))
			.hasStatusOk();
		assertThat(mvc.post().uri("/people/{id}/anonymise", person).session(chengdu).with(csrf()))
			.hasStatus3xxRedirection();

		List<String> entries = jdbc.sql("""
				select concat_ws(' ', action, object_type, object_id, detail, reason) from platform_audit_log
				where object_type like 'person%' and object_id = ? order by id""")
			.param(Long.toString(person))
			.query(String.class)
			.list();
		assertThat(entries).hasSize(3);
		String log = String.join("\n", entries);
		for (String value : List.of("审计隐私甲", "审计隐私乙", idNumber, maskedId, "13912348832", maskedPhone,
				"13799995566", "shenji.yinsi@example.cn", "yinsi.new@example.cn", "红星路",
				"人民南路", birth.toString(), "其兄在区政协任职", "张某某", "成都隐私测试科技有限公司", "成都隐私传媒有限公司",
				"总经理", "主编", "隐私标签")) {
			assertThat(log).as("the audit log holds %s", value).doesNotContain(value);
		}
		// What changed is on the record: the fields, and the values of the classification.
		assertThat(entries.get(0)).contains("\"name\":\"changed\"", "\"birthDecade\":\"changed\"",
				"\"idNumberMasked\":\"changed\"", "\"phoneMasked\":\"changed\"", "\"emailMasked\":\"changed\"",
				"\"addressMasked\":\"changed\"", "\"notes\":\"changed\"", "\"group\":{\"new\":\"ENTERPRISE\"}");
		assertThat(entries.get(1)).startsWith("UPDATE")
			.contains("\"name\":\"changed\"", "\"phoneMasked\":\"changed\"", "\"emailMasked\":\"changed\"",
					"\"addressMasked\":\"changed\"", "\"notes\":\"changed\"", "\"employer\":\"changed\"",
					"\"group\":{\"old\":\"ENTERPRISE\",\"new\":\"NEW_MEDIA\"}")
			.doesNotContain("\"idNumberMasked\"");
		assertThat(entries.get(2)).startsWith("DELETE").endsWith("anonymised").contains("\"name\":\"changed\"",
				"\"idNumberMasked\":\"changed\"", "\"anonymisedAt\":{\"new\":");
		assertThat(verifier.verify().ok()).isTrue();
	}

	@Test
	void theAuditorsScreenAndExportShowChangedFieldsWithoutValues() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String idNumber = PeopleFixtures.idNumber("510105", LocalDate.of(1990, 2, 14), 61);
		long person = PeopleFixtures.created(mvc, jdbc, chengdu, 510105, "审计屏幕丙", idNumber, "13655557777", "FREELANCE",
				"屏幕测试工作室");

		MockHttpSession auditor = SignIn.as(mvc, "auditor");
		assertThat(mvc.get().uri("/audit").param("objectType", "person").param("objectId", Long.toString(person)).session(auditor)).hasStatusOk()
			.bodyText()
			.contains("变更字段", "已更改（个人信息不记录内容）", "FREELANCE")
			.doesNotContain("审计屏幕丙", idNumber.substring(0, 6) + "********", "13655557777", "屏幕测试工作室");
		var export = mvc.get().uri("/audit/export.xlsx").param("objectType", "person").param("objectId", Long.toString(person))
			.session(auditor).exchange();
		assertThat(export).hasStatusOk();
		String sheet = text(export.getResponse().getContentAsByteArray());
		assertThat(sheet).contains("\"name\":\"changed\"").doesNotContain("审计屏幕丙", "13655557777", "屏幕测试工作室");
	}

	private static String text(byte[] xlsx) throws java.io.IOException {
		StringBuilder text = new StringBuilder();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getSheetAt(0)) {
				for (Cell cell : row) {
					text.append(cell.toString()).append('\t');
				}
				text.append('\n');
			}
		}
		return text.toString();
	}
}
