package org.tongxin.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/** Partners, mechanisms and tasks stay in their unit's scope; an open task past its date shows as overdue. */
@PlatformTest
class CoordinationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void mechanismsAndTasksAreScopedAndOverdueIsShown() {
		MockHttpSession yuzhong = SignIn.as(mvc, "yuzhong");
		assertThat(mvc.get().uri("/organisations/coordination").session(yuzhong)).hasStatusOk()
			.bodyText()
			.contains("党委+群团+社会组织")
			.contains("共青团渝中区委")
			.contains("已逾期")
			.doesNotContain("1+3+M+N")
			.doesNotContain("汉阳区工商联");
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/organisations/coordination").session(chengdu)).bodyText()
			.doesNotContain("党委+群团+社会组织")
			.doesNotContain("1+3+M+N");

		long task = jdbc.sql("select id from org_task where title = 'U创空间季度联席会议'").query(Long.class).single();
		assertThat(mvc.post()
			.uri("/organisations/coordination/tasks/{id}", task)
			.session(chengdu)
			.with(csrf())
			.param("version", "0")
			.param("done", "true")).hasStatus(404);
		long partner = jdbc.sql("select id from org_partner where name = '共青团渝中区委'").query(Long.class).single();
		assertThat(mvc.post()
			.uri("/organisations/coordination/tasks")
			.session(chengdu)
			.with(csrf())
			.param("unit", "510100")
			.param("title", "越权任务")
			.param("partner", Long.toString(partner))
			.param("dueOn", "2030-01-01")).hasStatusOk().bodyText().contains("伙伴单位不存在或不在您的数据范围内。");
		assertThat(jdbc.sql("select count(*) from org_task where title = '越权任务'").query(Long.class).single()).isZero();

		assertThat(mvc.post()
			.uri("/organisations/coordination/tasks")
			.session(yuzhong)
			.with(csrf())
			.param("unit", "500103")
			.param("title", "逾期测试任务")
			.param("partner", Long.toString(partner))
			.param("dueOn", "2020-01-01")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/organisations/coordination/tasks.xlsx?open=true").session(yuzhong)).hasStatusOk();
		assertThat(mvc.get().uri("/organisations/coordination?open=true").session(yuzhong)).bodyText()
			.contains("逾期测试任务");
	}

	@Test
	void aMechanismNameTakenInTheUnitIsAFieldErrorNotAServerError() {
		MockHttpSession yuzhong = SignIn.as(mvc, "yuzhong");
		var existing = jdbc.sql("select name, unit_id from org_mechanism where unit_id = 500103 order by id limit 1")
			.query()
			.singleRow();
		long partner = jdbc.sql("select id from org_partner where name = '共青团渝中区委'").query(Long.class).single();
		long before = jdbc.sql("select count(*) from org_mechanism").query(Long.class).single();
		assertThat(mvc.post()
			.uri("/organisations/coordination/mechanisms")
			.session(yuzhong)
			.with(csrf())
			.param("unit", existing.get("unit_id").toString())
			.param("name", " " + existing.get("name") + " ")
			.param("role_" + partner, "牵头")).hasStatusOk().bodyText().contains("该单位下已有同名工作机制。");
		assertThat(jdbc.sql("select count(*) from org_mechanism").query(Long.class).single()).isEqualTo(before);
	}
}
