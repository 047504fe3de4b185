package org.tongxin.projects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/** The shapes of the key-project API, and its screens rendering in both languages. */
@PlatformTest
class ProjectApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void batchesListNumberYearPlannedCountAndVisibleProjects() {
		var json = assertThat(mvc.get().uri("/api/v1/programme/batches").session(SignIn.as(mvc, "chengdu")))
			.hasStatusOk().bodyJson();
		json.extractingPath("$[0].number").isEqualTo(1);
		json.extractingPath("$[0].year").isEqualTo(2017);
		json.extractingPath("$[0].plannedCount").isEqualTo(15);
		json.extractingPath("$[0].projects").isEqualTo(1);
		json.extractingPath("$[1].plannedCount").isEqualTo(36);
	}

	@Test
	void projectsFilterByBatchCityAndStatusAndPageByCursor() throws Exception {
		MockHttpSession central = SignIn.as(mvc, "central");
		long batch = jdbc.sql("select id from programme_batch where number = 1").query(Long.class).single();
		assertThat(mvc.get().uri("/api/v1/programme/projects?batch={b}&size=10", batch).session(central)).bodyJson()
			.extractingPath("$.items.length()").isEqualTo(10);
		var first = mvc.get().uri("/api/v1/programme/projects?batch={b}&size=10", batch).session(central).exchange();
		String cursor = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "$.nextCursor");
		assertThat(cursor).isNotNull();
		assertThat(mvc.get().uri("/api/v1/programme/projects?batch={b}&size=10&cursor={c}", batch, cursor).session(central))
			.bodyJson().extractingPath("$.items.length()").isEqualTo(5);

		assertThat(mvc.get().uri("/api/v1/programme/projects?city=510100").session(central)).bodyJson()
			.extractingPath("$.items[0].carrier").isEqualTo("同心家园");
		assertThat(mvc.get().uri("/api/v1/programme/projects?status=AT_RISK").session(central)).bodyJson()
			.extractingPath("$.items[*].carrier").asArray().containsExactly("综合评价体系");
	}

	@Test
	void aProjectCarriesItsIndicatorsAndMilestones() {
		long id = ProjectFixtures.project(jdbc, "三三五创标活动");
		var json = assertThat(mvc.get().uri("/api/v1/programme/projects/{id}", id).session(SignIn.as(mvc, "central")))
			.hasStatusOk().bodyJson();
		json.extractingPath("$.title").isEqualTo("商务楼宇“三三五创标活动”");
		json.extractingPath("$.city").isEqualTo("大连市");
		json.extractingPath("$.targetGroups").asArray().containsExactlyInAnyOrder("ENTERPRISE", "INTERMEDIARY");
		json.extractingPath("$.indicators[0].name").isEqualTo("覆盖商务楼宇");
		json.extractingPath("$.indicators[0].target").isEqualTo(100.0);
		json.extractingPath("$.indicators[0].latest").isEqualTo(92.0);
		json.extractingPath("$.indicators[0].percent").isEqualTo(92);
		json.extractingPath("$.milestones.length()").isEqualTo(2);
		json.extractingPath("$.sites.length()").isEqualTo(2);
	}

	@Test
	void screensRenderWithoutMissingTextsInBothLanguages() {
		long id = ProjectFixtures.project(jdbc, ProjectFixtures.CHENGDU);
		long batch = jdbc.sql("select id from programme_batch where number = 2").query(Long.class).single();
		// English first: the choice is remembered for the account, and other tests expect central in Chinese.
		for (String language : new String[] { "en", "zh-CN" }) {
			MockHttpSession central = SignIn.as(mvc, "central");
			for (String path : new String[] { "/programme/projects", "/programme/projects/" + id,
					"/programme/projects/" + id + "/edit", "/programme/projects/new", "/programme/projects/" + id + "/reports/new",
					"/programme/projects/dashboard", "/programme/projects/batches", "/programme/projects/batches/new",
					"/programme/projects/batches/" + batch + "/edit" }) {
				var result = mvc.get().uri(path + (path.contains("?") ? "&" : "?") + "lang=" + language).session(central).exchange();
				assertThat(result).as(path).hasStatusOk();
				assertThat(result).as(path + " " + language).bodyText().doesNotContain("??");
			}
		}
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/programme/projects/dashboard").session(chengdu)).hasStatusOk().bodyText()
			.contains("本单位重点项目").contains("芳草社区“同心家园”");
		assertThat(mvc.get().uri("/programme/projects/new").session(chengdu)).hasStatusOk();
	}
}
