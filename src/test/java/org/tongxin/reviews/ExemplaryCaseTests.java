package org.tongxin.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/** The case library: promote and publish by the central office, search by text and tags, adoption by cities. */
@PlatformTest
class ExemplaryCaseTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void searchByTextAndTagsInTheScreenAndTheApi() {
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		var json = assertThat(mvc.get().uri("/api/v1/programme/cases?q=同心家园").session(shenzhen)).hasStatusOk().bodyJson();
		json.extractingPath("$.items[*].title").asArray().containsExactly("成都“同心家园”：社区平台汇聚社会组织");
		assertThat(mvc.get().uri("/api/v1/programme/cases?q=楼宇").session(shenzhen)).bodyJson()
			.extractingPath("$.items[*].title").asArray().containsExactly("大连“三三五创标活动”：楼宇统战工作品牌");
		assertThat(mvc.get().uri("/api/v1/programme/cases?mechanism=党建引领").session(shenzhen)).bodyJson()
			.extractingPath("$.total").isEqualTo(2);
		assertThat(mvc.get().uri("/api/v1/programme/cases?kind=BUILDING&group=ENTERPRISE").session(shenzhen)).bodyJson()
			.extractingPath("$.total").isEqualTo(1);
		assertThat(mvc.get().uri("/programme/cases?q=知音汇").session(shenzhen)).hasStatusOk().bodyText()
			.contains("武汉汉阳“1+3+M+N”与“知音汇”")
			.doesNotContain("三三五创标活动");
	}

	@Test
	void promotedCasesStayDraftsUntilPublishedAndCitiesMarkAdoption() {
		long project = jdbc.sql("select id from programme_project where title like '%网络作家村%'").query(Long.class).single();
		MockHttpSession central = SignIn.as(mvc, "central");
		assertThat(mvc.post().uri("/programme/cases").session(central).with(csrf())
			.param("project", String.valueOf(project))
			.param("title", "杭州网络作家村：引领网络作家")
			.param("summary", "投资兴建网络作家村，出台资助措施。")
			.param("successFactors", "政策扶持与服务并举。")
			.param("replication", "选址、政策、服务三步走。")
			.param("targetGroups", "NEW_MEDIA")
			.param("siteKinds", "TOWN")
			.param("mechanisms", "政策扶持，网络人士")).hasStatus3xxRedirection();
		long id = jdbc.sql("select id from programme_case where title = '杭州网络作家村：引领网络作家'").query(Long.class).single();

		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/programme/cases/{id}", id).session(chengdu)).hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/programme/cases?q=网络作家村").session(chengdu)).bodyJson()
			.extractingPath("$.total").isEqualTo(0);
		assertThat(mvc.post().uri("/programme/cases/{id}/publish", id).session(chengdu).with(csrf())
			.param("published", "true")).hasStatus(403);

		assertThat(mvc.post().uri("/programme/cases/{id}/publish", id).session(central).with(csrf())
			.param("published", "true")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/programme/cases/{id}", id).session(chengdu)).hasStatusOk().bodyText()
			.contains("杭州网络作家村：引领网络作家").contains("我们正在借鉴");

		assertThat(mvc.post().uri("/programme/cases/{id}/adoption", id).session(chengdu).with(csrf())
			.param("note", "在天府新区试点")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/programme/cases/{id}", id).session(SignIn.as(mvc, "shenzhen"))).bodyText()
			.contains("成都市").contains("在天府新区试点");
		assertThat(mvc.get().uri("/api/v1/programme/cases?q=网络作家村").session(central)).bodyJson()
			.extractingPath("$.items[0].adoptions").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from platform_audit_log where object_type = 'programme-case-adoption' and actor = 'chengdu'")
			.query(Long.class).single()).isOne();

		// A province is not a city: 四川 cannot mark adoption for its cities.
		assertThat(mvc.post().uri("/programme/cases/{id}/adoption", id).session(SignIn.as(mvc, "sichuan")).with(csrf()))
			.hasStatus(403);
	}

	@Test
	void theDemoCaseShowsWhoAdoptedIt() {
		long id = jdbc.sql("select id from programme_case where title like '大连%'").query(Long.class).single();
		assertThat(mvc.get().uri("/programme/cases/{id}", id).session(SignIn.as(mvc, "chengdu"))).hasStatusOk()
			.bodyText().contains("正在借鉴的地区").contains("深圳市");
	}
}
