package org.tongxin.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;

/** The security administrator's role editor: custom roles, read-only built-in ones, 三员分立. */
@PlatformTest
class RoleEditorTests extends AccountsTestSupport {

	static final String PASSWORD = "Roles#Test2026";

	@Autowired
	RoleCatalogue roles;

	@Test
	void secadminCreatesARoleThatRevealsAndACityAccountGivenItCanThenReveal() {
		MockHttpSession secadmin = secadmin();
		String code = created(create(secadmin, "成都外联组（可查看敏感信息）", "Chengdu outreach (reveal)", "people:read",
				"people:reveal"));
		assertThat(roles.find(code).orElseThrow().permissions()).containsExactly("people:read", "people:reveal");
		assertThat(audits("CREATE", code)).isEqualTo(1);

		Account account = testAccounts().create(TestAccounts.uniqueName("outreach"), PASSWORD, 510100,
				false, Roles.STAFF);
		long person = personInChengdu();
		MockHttpSession before = TestAccounts.signIn(mvc, account.username(), PASSWORD, "/");
		assertThat(reveal(before, person)).hasStatus(HttpStatus.FORBIDDEN);

		assertThat(saveRoles(secadmin, account, code)).hasRedirectedUrl("/admin/accounts/" + account.id());

		// The role change ended the old session; signed in again, the account may reveal within its scope.
		assertThat(mvc.get().uri("/api/v1/me").session(before)).hasStatus(HttpStatus.UNAUTHORIZED);
		MockHttpSession after = TestAccounts.signIn(mvc, account.username(), PASSWORD, "/");
		assertThat(reveal(after, person)).hasStatusOk().bodyJson().extractingPath("$.value").isNotNull();
		assertThat(mvc.get().uri("/admin/accounts/{id}", account.id()).session(secadmin)).bodyText()
			.contains("成都外联组（可查看敏感信息）");
	}

	@Test
	void theBuiltInCityRoleMayReveal() {
		Account account = testAccounts().create(TestAccounts.uniqueName("cityreveal"), PASSWORD,
				510100, false, "CITY_STAFF_REVEAL");
		MockHttpSession session = TestAccounts.signIn(mvc, account.username(), PASSWORD, "/");
		assertThat(reveal(session, personInChengdu())).hasStatusOk();
		assertThat(roles.find("CITY_STAFF_REVEAL").orElseThrow().permissions())
			.containsAll(roles.find(Roles.STAFF).orElseThrow().permissions())
			.contains("people:reveal", "organisations:reveal");
		assertThat(roles.find("DISTRICT_STAFF_REVEAL").orElseThrow().permissions())
			.contains("people:reveal", "organisations:reveal");
	}

	@Test
	void aBuiltInRoleIsReadOnlyButCanBeCopied() {
		MockHttpSession secadmin = secadmin();
		Set<String> staff = roles.find(Roles.STAFF).orElseThrow().permissions();

		assertThat(mvc.post()
			.uri("/admin/roles/{code}", Roles.STAFF)
			.session(secadmin)
			.with(csrf())
			.param("nameZh", "工作人员")
			.param("nameEn", "Staff")
			.param("permissions", "people:read", "people:reveal")).hasStatusOk()
			.bodyText()
			.contains("内置角色不能修改或删除，请复制后修改副本。");
		assertThat(mvc.post().uri("/admin/roles/{code}/delete", Roles.STAFF).session(secadmin).with(csrf()))
			.hasRedirectedUrl("/admin/roles/" + Roles.STAFF);
		assertThat(roles.find(Roles.STAFF).orElseThrow().permissions()).isEqualTo(staff);

		assertThat(mvc.get().uri("/admin/roles/new").param("from", Roles.STAFF).session(secadmin)).hasStatusOk()
			.bodyText()
			.contains("统战部工作人员（副本）");
	}

	@Test
	void aCustomRoleMayNotMixAdministratorAndProgrammePermissions() {
		MockHttpSession secadmin = secadmin();
		long before = roles.all().size();

		assertThat(create(secadmin, "混合", "Mixed", "account:manage", "people:read")).hasStatusOk()
			.bodyText()
			.contains("三员分立：管理员权限不能与项目、人士等业务权限放在同一角色中。");
		assertThat(create(secadmin, "两类管理员", "Two administrators", "account:manage", "audit:read")).hasStatusOk()
			.bodyText()
			.contains("三员分立：一个角色只能包含一类管理员");
		assertThat(roles.all()).hasSize((int) before);

		// One administrator's permissions alone are a valid role; given with a business role, the account is refused.
		String auditOnly = created(create(secadmin, "审计只读", "Audit reader", "audit:read"));
		Account account = testAccounts().create(TestAccounts.uniqueName("mixedroles"), PASSWORD,
				510100, false, Roles.STAFF);
		assertThat(saveRoles(secadmin, account, Roles.STAFF, auditOnly)).hasStatusOk().bodyText().contains("三员分立");
		assertThat(accounts.findById(account.id()).orElseThrow().roles()).containsExactly(Roles.STAFF);
	}

	@Test
	void aCustomRoleIsEditedAndDeletedOnlyWhenUnusedAndEveryChangeIsAudited() {
		MockHttpSession secadmin = secadmin();
		String code = created(create(secadmin, "只读", "Reader", "programme:read"));
		Account holder = testAccounts().create(TestAccounts.uniqueName("holder"), PASSWORD, 510100,
				false, code);
		MockHttpSession holderSession = TestAccounts.signIn(mvc, holder.username(), PASSWORD, "/");

		assertThat(mvc.post()
			.uri("/admin/roles/{code}", code)
			.session(secadmin)
			.with(csrf())
			.param("nameZh", "只读（含人士）")
			.param("nameEn", "Reader with people")
			.param("permissions", "programme:read", "people:read")).hasRedirectedUrl("/admin/roles/" + code);
		assertThat(roles.find(code).orElseThrow().permissions()).containsExactly("people:read", "programme:read");
		assertThat(audits("UPDATE", code)).isEqualTo(1);
		// The holder's session carried the old permissions: it ended.
		assertThat(mvc.get().uri("/").session(holderSession)).hasRedirectedUrl("/login?expired");

		assertThat(mvc.post().uri("/admin/roles/{code}/delete", code).session(secadmin).with(csrf()))
			.hasRedirectedUrl("/admin/roles/" + code);
		assertThat(roles.find(code)).isPresent();

		jdbc.sql("delete from platform_account_role where account_id = ?").param(holder.id()).update();
		assertThat(mvc.post().uri("/admin/roles/{code}/delete", code).session(secadmin).with(csrf()))
			.hasRedirectedUrl("/admin/roles");
		assertThat(roles.find(code)).isEmpty();
		assertThat(audits("DELETE", code)).isEqualTo(1);
	}

	@Test
	void onlyTheSecurityAdministratorOpensTheRoleEditor() {
		for (String username : List.of("admin", "auditor", "central", "chengdu", "reviewer")) {
			MockHttpSession session = TestAccounts.signIn(mvc, username, TestAccounts.DEMO_PASSWORD, "/");
			assertThat(mvc.get().uri("/admin/roles").session(session)).as(username).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(create(session, "越权", "Forbidden", "people:reveal")).as(username).hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(mvc.get().uri("/admin/roles").session(secadmin())).hasStatusOk()
			.bodyText()
			.contains("城市统战部（可查看敏感信息）", "区县统战部（可查看敏感信息）");
	}

	private MvcTestResult create(MockHttpSession session, String nameZh, String nameEn, String... permissions) {
		return mvc.post()
			.uri("/admin/roles/new")
			.session(session)
			.with(csrf())
			.param("nameZh", nameZh)
			.param("nameEn", nameEn)
			.param("permissions", permissions)
			.exchange();
	}

	private static String created(MvcTestResult result) {
		assertThat(result).hasStatus3xxRedirection();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/admin/roles/CUSTOM_");
		return location.substring("/admin/roles/".length());
	}

	/** Saves the account's form as the security administrator does, with {@code roles} ticked. */
	private MvcTestResult saveRoles(MockHttpSession secadmin, Account account, String... roles) {
		return mvc.post()
			.uri("/admin/accounts/{id}", account.id())
			.session(secadmin)
			.with(csrf())
			.param("displayName", account.displayName())
			.param("unitId", "510100")
			.param("roles", roles)
			.param("enabled", "true")
			.exchange();
	}

	private MvcTestResult reveal(MockHttpSession session, long person) {
		return mvc.post()
			.uri("/api/v1/people/{id}/reveal", person)
			.session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"field": "PHONE", "reason": "上门走访前核对联系方式"}""")
			.exchange();
	}

	private long personInChengdu() {
		return jdbc.sql("""
				select p.id from people_person p join platform_unit u on u.id = p.unit_id
				where u.path <@ '1.510000.510100' and p.phone_cipher is not null and p.name is not null
				order by p.id limit 1""").query(Long.class).single();
	}

	private long audits(String action, String code) {
		return jdbc.sql("select count(*) from platform_audit_log where action = ? and object_type = 'role' and object_id = ?")
			.params(action, code)
			.query(Long.class)
			.single();
	}

	private MockHttpSession secadmin() {
		return TestAccounts.signIn(mvc, "secadmin", TestAccounts.DEMO_PASSWORD, "/");
	}
}
