package org.tongxin.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.XlsxExport;

@PlatformTest
class AccountAdministrationTests extends AccountsTestSupport {

	static final String PASSWORD = "Admin#Test2026";

	@Test
	void onlyTheSecurityAdministratorOpensTheAccountScreens() {
		for (String username : new String[] { "admin", "auditor", "central", "chengdu", "reviewer" }) {
			MockHttpSession session = TestAccounts.signIn(mvc, username, TestAccounts.DEMO_PASSWORD, "/");
			assertThat(mvc.get().uri("/admin/accounts").session(session)).as(username).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/admin/accounts/new").session(session)).as(username)
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/admin/accounts/export.xlsx").session(session)).as(username)
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post()
				.uri("/admin/accounts/{id}/unlock", idOf("chengdu"))
				.session(session)
				.with(csrf())).as(username).hasStatus(HttpStatus.FORBIDDEN);
			// Everyone keeps their own pages.
			assertThat(mvc.get().uri("/account/password").session(session)).as(username).hasStatusOk();
			assertThat(mvc.get().uri("/account/tokens").session(session)).as(username).hasStatusOk();
		}
		MockHttpSession secadmin = secadmin();
		assertThat(mvc.get().uri("/admin/accounts").param("q", "chengdu").session(secadmin)).hasStatusOk()
			.bodyText()
			.contains("chengdu", "成都市委统战部", "成都市", "统战部工作人员");
		assertThat(mvc.get().uri("/admin/accounts").param("q", "auditor").session(secadmin)).hasStatusOk()
			.bodyText()
			.contains("auditor", "安全审计员");
		assertThat(mvc.get().uri("/account/password").session(secadmin)).hasStatusOk();
		assertThat(mvc.get().uri("/account/tokens").session(secadmin)).hasStatusOk();
	}

	@Test
	void noAccountHoldsTwoAdministratorRolesOrAnAdministratorAndABusinessRole() {
		MockHttpSession session = secadmin();
		String twoAdmins = TestAccounts.uniqueName("twoadmins");
		assertThat(create(session, twoAdmins, "1", "", List.of(Roles.SECURITY_ADMIN, Roles.AUDIT_ADMIN))).hasStatusOk()
			.bodyText()
			.contains("三员分立：系统管理员、安全管理员、安全审计员不能由同一账号兼任");
		String mixed = TestAccounts.uniqueName("mixed");
		assertThat(create(session, mixed, "1", "", List.of(Roles.SYSTEM_ADMIN, Roles.STAFF))).hasStatusOk()
			.bodyText()
			.contains("三员分立：管理员角色不能与中央统战部新阶层工作局、统战部工作人员、评审专家等业务角色同时授予。");
		assertThat(accounts.exists(twoAdmins)).isFalse();
		assertThat(accounts.exists(mixed)).isFalse();

		// The same rule holds when editing.
		long chengdu = idOf("chengdu");
		assertThat(mvc.post()
			.uri("/admin/accounts/{id}", chengdu)
			.session(session)
			.with(csrf())
			.param("displayName", "成都市委统战部")
			.param("unitId", "510100")
			.param("roles", Roles.STAFF, Roles.AUDIT_ADMIN)
			.param("enabled", "true")).hasStatusOk().bodyText().contains("三员分立");
		assertThat(accounts.findById(chengdu).orElseThrow().roles()).containsExactly(Roles.STAFF);
	}

	@Test
	void theSecurityAdministratorCreatesEditsUnlocksAndResetsAnAccount() throws Exception {
		MockHttpSession session = secadmin();
		String username = TestAccounts.uniqueName("yuzhong");

		MvcTestResult created = create(session, username, "", "500103", List.of(Roles.STAFF));
		assertThat(created).hasStatus3xxRedirection();
		Account account = accounts.findByUsername(username).orElseThrow();
		assertThat(created).hasRedirectedUrl("/admin/accounts/" + account.id());
		assertThat(account.unitId().value()).isEqualTo(500103);
		assertThat(account.mustChangePassword()).isTrue();
		assertThat(account.roles()).containsExactly(Roles.STAFF);
		assertThat(audit("CREATE", account.id())).contains(username, "渝中区").doesNotContain(PASSWORD, "password");

		assertThat(mvc.get().uri("/admin/accounts/{id}", account.id()).session(session)).hasStatusOk()
			.bodyText()
			.contains("重庆市 / 渝中区", "value=\"500103\"");

		assertThat(mvc.post()
			.uri("/admin/accounts/{id}", account.id())
			.session(session)
			.with(csrf())
			.param("displayName", "渝中区委统战部 联络科")
			.param("unitId", "500000")
			.param("unitCode", "")
			.param("roles", Roles.STAFF, Roles.REVIEWER)
			.param("enabled", "true")).hasRedirectedUrl("/admin/accounts/" + account.id());
		Account edited = accounts.findById(account.id()).orElseThrow();
		assertThat(edited.displayName()).isEqualTo("渝中区委统战部 联络科");
		assertThat(edited.unitId().value()).isEqualTo(500000);
		assertThat(edited.roles()).containsExactly(Roles.REVIEWER, Roles.STAFF);
		assertThat(audit("UPDATE", account.id())).contains("\"changes\"", "\"old\"", "\"new\"", "渝中区", "重庆市", "REVIEWER")
			.doesNotContain("hash", "totp");

		jdbc.sql("update platform_account set locked_until = now() + interval '10 minutes' where id = ?")
			.param(account.id())
			.update();
		assertThat(mvc.get().uri("/admin/accounts").param("q", username).session(session)).bodyText().contains("锁定至");
		assertThat(mvc.post().uri("/admin/accounts/{id}/unlock", account.id()).session(session).with(csrf()))
			.hasRedirectedUrl("/admin/accounts/" + account.id());
		assertThat(accounts.findById(account.id()).orElseThrow().lockedUntil()).isNull();
		assertThat(audit("UPDATE", account.id())).contains("unlock");

		MvcTestResult reset = mvc.post()
			.uri("/admin/accounts/{id}/reset-password", account.id())
			.session(session)
			.with(csrf())
			.exchange();
		assertThat(reset).hasStatusOk();
		assertThat(reset.getResponse().getHeader("Cache-Control")).contains("no-store");
		Matcher matcher = Pattern.compile("id=\"one-time-password\">([^<]+)<")
			.matcher(reset.getResponse().getContentAsString());
		assertThat(matcher.find()).isTrue();
		String oneTimePassword = matcher.group(1);
		assertThat(audit("PASSWORD_CHANGE", account.id())).contains("reset").doesNotContain(oneTimePassword);

		// The user signs in with the one-time password and must choose a new one first.
		MockHttpSession user = TestAccounts.signIn(mvc, username, oneTimePassword, "/account/password");
		assertThat(mvc.get().uri("/").session(user)).hasRedirectedUrl("/account/password");
	}

	@Test
	void newAccountsAreValidated() {
		MockHttpSession session = secadmin();
		assertThat(create(session, "AB", "1", "", List.of(Roles.STAFF))).hasStatusOk()
			.bodyText()
			.contains("用户名须为 3–32 位");
		assertThat(create(session, "chengdu", "510100", "", List.of(Roles.STAFF))).hasStatusOk()
			.bodyText()
			.contains("该用户名已被使用");
		assertThat(create(session, TestAccounts.uniqueName("nounit"), "", "", List.of(Roles.STAFF))).hasStatusOk()
			.bodyText()
			.contains("请选择所属单位");
		assertThat(create(session, TestAccounts.uniqueName("badcode"), "", "999999", List.of(Roles.STAFF)))
			.hasStatusOk()
			.bodyText()
			.contains("找不到该代码对应的单位");
		assertThat(create(session, TestAccounts.uniqueName("noroles"), "1", "", List.of())).hasStatusOk()
			.bodyText()
			.contains("请至少选择一个角色");
		assertThat(mvc.post()
			.uri("/admin/accounts/new")
			.session(session)
			.with(csrf())
			.param("username", TestAccounts.uniqueName("weak"))
			.param("displayName", "弱密码")
			.param("unitId", "1")
			.param("roles", Roles.STAFF)
			.param("initialPassword", "password")).hasStatusOk()
			.bodyText()
			.contains("密码须包含大写字母、小写字母、数字、符号中的至少 3 类。");
	}

	@Test
	void aProvincialSecurityAdministratorSeesOnlyItsProvince() {
		String username = TestAccounts.uniqueName("scsec");
		testAccounts().create(username, PASSWORD, 510000, false, Roles.SECURITY_ADMIN);
		MockHttpSession session = TestAccounts.signIn(mvc, username, PASSWORD, "/");

		assertThat(mvc.get().uri("/admin/accounts").param("q", "chengdu").session(session)).hasStatusOk()
			.bodyText()
			.contains("chengdu", "共 1 条");
		assertThat(mvc.get().uri("/admin/accounts").param("q", "shenzhen").session(session)).hasStatusOk()
			.bodyText()
			.contains("共 0 条")
			.doesNotContain(">shenzhen<");
		assertThat(mvc.get().uri("/admin/accounts").param("q", "secadmin").session(session)).bodyText()
			.contains("共 0 条");
		assertThat(mvc.get().uri("/admin/accounts/{id}", idOf("shenzhen")).session(session))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/admin/accounts/{id}/reset-password", idOf("shenzhen")).session(session).with(csrf()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/admin/accounts/{id}", idOf("chengdu")).session(session)).hasStatusOk();
		// Guangdong is outside Sichuan: not a unit this administrator may assign.
		assertThat(create(session, TestAccounts.uniqueName("gd"), "", "440303", List.of(Roles.STAFF))).hasStatusOk()
			.bodyText()
			.contains("不在您的管理范围内");
	}

	@Test
	void securityAdministratorsDoNotChangeTheirOwnAccount() {
		MockHttpSession session = secadmin();
		long own = idOf("secadmin");
		assertThat(mvc.post()
			.uri("/admin/accounts/{id}", own)
			.session(session)
			.with(csrf())
			.param("displayName", "安全管理员")
			.param("unitId", "1")
			.param("roles", Roles.SECURITY_ADMIN)
			.param("enabled", "false")).hasStatusOk();
		assertThat(accounts.findById(own).orElseThrow().enabled()).isTrue();
		assertThat(mvc.post().uri("/admin/accounts/{id}/reset-password", own).session(session).with(csrf()))
			.hasRedirectedUrl("/admin/accounts/" + own);
		assertThat(encoder.matches(TestAccounts.DEMO_PASSWORD, accounts.findById(own).orElseThrow().passwordHash()))
			.isTrue();
	}

	@Test
	void theListSearchesPagesAndExports() throws IOException {
		MockHttpSession session = secadmin();
		TestAccounts testAccounts = testAccounts();
		for (int i = 0; i < 25; i++) {
			testAccounts.create(TestAccounts.uniqueName("bulk"), PASSWORD, 440300, false, Roles.STAFF);
		}

		assertThat(mvc.get().uri("/admin/accounts").param("q", "成都市委").session(session)).hasStatusOk()
			.bodyText()
			.contains("chengdu", "共 1 条")
			.doesNotContain("shenzhen");

		MvcTestResult first = mvc.get().uri("/admin/accounts").param("q", "bulk").session(session).exchange();
		assertThat(first).hasStatusOk().bodyText().contains("下一页");
		Matcher next = Pattern.compile("before=(\\d+)").matcher(first.getResponse().getContentAsString());
		assertThat(next.find()).isTrue();
		assertThat(mvc.get().uri("/admin/accounts").param("q", "bulk").param("before", next.group(1)).session(session))
			.hasStatusOk()
			.bodyText()
			.contains("第一页")
			.doesNotContain("下一页");

		MvcTestResult export = mvc.get().uri("/admin/accounts/export.xlsx").session(session).exchange();
		assertThat(export).hasStatusOk().hasContentType(XlsxExport.CONTENT_TYPE);
		List<String> usernames = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("用户名");
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("角色");
			for (Row row : sheet) {
				usernames.add(row.getCell(0).getStringCellValue());
				if (row.getCell(0).getStringCellValue().equals("auditor")) {
					assertThat(row.getCell(3).getStringCellValue()).isEqualTo("安全审计员");
				}
			}
		}
		assertThat(usernames).contains("admin", "secadmin", "chengdu").hasSizeGreaterThan(25 + 9);
		assertThat(jdbc.sql("select count(*) from platform_audit_log where actor = 'secadmin' and action = 'EXPORT'")
			.query(Long.class)
			.single()).isPositive();
	}

	private MvcTestResult create(MockHttpSession session, String username, String unitId, String unitCode,
			List<String> roles) {
		var request = mvc.post()
			.uri("/admin/accounts/new")
			.session(session)
			.with(csrf())
			.param("username", username)
			.param("displayName", "测试账号")
			.param("unitId", unitId)
			.param("unitCode", unitCode)
			.param("initialPassword", PASSWORD);
		if (!roles.isEmpty()) {
			request.param("roles", roles.toArray(String[]::new));
		}
		return request.exchange();
	}

	private MockHttpSession secadmin() {
		return TestAccounts.signIn(mvc, "secadmin", TestAccounts.DEMO_PASSWORD, "/");
	}

	private long idOf(String username) {
		return accounts.findByUsername(username).orElseThrow().id();
	}

	private String audit(String action, long accountId) {
		return jdbc.sql("""
				select detail from platform_audit_log
				where action = ? and object_type = 'account' and object_id = ? order by id desc limit 1""")
			.params(action, Long.toString(accountId))
			.query(String.class)
			.single();
	}
}
