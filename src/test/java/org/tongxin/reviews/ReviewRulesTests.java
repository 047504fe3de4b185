package org.tongxin.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * The rules of a review round through the screens: data scope of reviewers, conflict of interest with
 * its audited override, the rubric's weights, and a closed round's frozen results.
 */
@PlatformTest
class ReviewRulesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	ReviewFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new ReviewFixtures(mvc, jdbc);
	}

	@Test
	void reviewersSeeOnlyTheirOwnAssignments() throws Exception {
		long chengdu = fixtures.projectId("同心家园");
		long hangzhou = fixtures.projectId("网络作家村");
		long round = fixtures.createRound("范围", List.of(chengdu, hangzhou));
		assertThat(fixtures.assign(round, chengdu, "reviewer2", "")).hasStatus3xxRedirection();
		assertThat(fixtures.assignmentCount(round, chengdu, "reviewer2")).isOne();

		MockHttpSession reviewer2 = SignIn.as(mvc, "reviewer2");
		assertThat(mvc.get().uri("/programme/reviews/{r}/projects/{p}", round, chengdu).session(reviewer2))
			.hasStatusOk()
			.bodyText()
			.contains("芳草社区“同心家园”")
			.contains("汇聚社会组织");
		// Guessing the other project of the same round, or any project, finds nothing.
		assertThat(mvc.get().uri("/programme/reviews/{r}/projects/{p}", round, hangzhou).session(reviewer2))
			.hasStatus(404);
		for (long project : jdbc.sql("select id from programme_project").query(Long.class).list()) {
			if (project != chengdu) {
				assertThat(mvc.get().uri("/programme/reviews/{r}/projects/{p}", round, project).session(reviewer2))
					.hasStatus(404);
			}
		}
		assertThat(fixtures.score("reviewer2", round, hangzhou, 80, "draft")).hasStatus(404);
		long attachment = jdbc.sql("select coalesce(max(id), 1) from programme_attachment").query(Long.class).single();
		assertThat(mvc.get().uri("/programme/reviews/{r}/projects/{p}/evidence/{a}", round, hangzhou, attachment)
			.session(reviewer2)).hasStatus(404);

		// Another reviewer has no assignment in this round at all.
		MockHttpSession reviewer3 = SignIn.as(mvc, "reviewer3");
		assertThat(mvc.get().uri("/programme/reviews/{r}/projects/{p}", round, chengdu).session(reviewer3))
			.hasStatus(404);

		// No general programme screens, no round management, no results for reviewers.
		assertThat(mvc.get().uri("/programme").session(reviewer2)).hasStatus(403);
		assertThat(mvc.get().uri("/programme/sites").session(reviewer2)).hasStatus(403);
		assertThat(mvc.get().uri("/programme/reviews/{id}", round).session(reviewer2)).hasStatus(403);
		assertThat(mvc.get().uri("/programme/reviews/{id}/results", round).session(reviewer2)).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/programme/reviews/{id}/results", round).session(reviewer2)).hasStatus(403);
		assertThat(mvc.get().uri("/programme/cases").session(reviewer2)).hasStatus(403);

		// The reviewer's list names the assigned projects only: never one of their own city (上海).
		String index = mvc.get().uri("/programme/reviews").session(reviewer2).exchange().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(index).contains("芳草社区“同心家园”").doesNotContain("新的社会阶层人士联谊会与自媒体联盟");
	}

	@Test
	void aReviewerIsNeverAssignedAProjectOfTheirOwnCityWithoutAnAuditedOverride() {
		long beijing = fixtures.projectId("新媒体企业统战工作联络站");
		long chongqing = fixtures.projectId("U创空间");
		long round = fixtures.createRound("回避", List.of(beijing, chongqing));

		// reviewer's home city is 北京: refused, and nothing is written.
		var refused = fixtures.assign(round, beijing, "reviewer", "");
		assertThat(refused).hasStatus3xxRedirection();
		assertThat(refused.getMvcResult().getFlashMap().get("error").toString()).contains("回避");
		assertThat(fixtures.assignmentCount(round, beijing, "reviewer")).isZero();

		// With a reason the central office may override; the override lands in the audit log with the reason.
		assertThat(fixtures.assign(round, beijing, "reviewer", "该领域专家仅此一位")).hasStatus3xxRedirection();
		assertThat(fixtures.assignmentCount(round, beijing, "reviewer")).isOne();
		Map<String, Object> entry = jdbc.sql("""
				select actor, reason, detail::text as detail from platform_audit_log
				where action = 'OVERRIDE' and object_type = 'programme-review-assignment' order by id desc limit 1""")
			.query()
			.singleRow();
		assertThat(entry.get("actor")).isEqualTo("central");
		assertThat(entry.get("reason")).isEqualTo("该领域专家仅此一位");
		assertThat(entry.get("detail").toString()).contains("conflict-of-interest").contains("reviewer");

		// Automatic assignment fills every project up to three, never with a conflict: a district's
		// project (渝中区) counts for its city, so reviewers from 重庆 would be skipped too.
		assertThat(mvc.post().uri("/programme/reviews/{id}/assignments/auto", round).session(SignIn.as(mvc, "central"))
			.with(csrf())).hasStatus3xxRedirection();
		for (long project : List.of(beijing, chongqing)) {
			assertThat(jdbc.sql("select count(*) from programme_review_assignment where round_id = ? and project_id = ?")
				.params(round, project).query(Long.class).single()).isGreaterThanOrEqualTo(3);
		}
		assertThat(jdbc.sql("""
				select count(*) from programme_review_assignment a
				join programme_project p on p.id = a.project_id
				join programme_reviewer r on r.username = a.reviewer
				where a.round_id = ? and r.home_city = p.city_unit and a.override_reason is null""")
			.param(round).query(Long.class).single()).isZero();
	}

	@Test
	void aRubricWhoseWeightsDoNotSumToOneHundredIsRejected() {
		long chengdu = fixtures.projectId("同心家园");
		var result = fixtures.postRound("权重不足", List.of(chengdu), "25", "25", "20", "15", "10");
		assertThat(result).hasStatusOk().bodyText().contains("各项权重合计为 95，必须恰好为 100");
		assertThat(jdbc.sql("select count(*) from programme_review_round where title = '权重不足'").query(Long.class).single())
			.isZero();

		var tooMuch = fixtures.postRound("权重超出", List.of(chengdu), "30", "25", "20", "15", "15");
		assertThat(tooMuch).hasStatusOk().bodyText().contains("合计为 105");
	}

	@Test
	void closingARoundFreezesItsResults() {
		long chengdu = fixtures.projectId("同心家园");
		long dalian = fixtures.projectId("三三五创标");
		long round = fixtures.createRound("冻结", List.of(chengdu, dalian));
		for (String reviewer : List.of("reviewer2", "reviewer3", "reviewer4")) {
			assertThat(fixtures.assign(round, chengdu, reviewer, "")).hasStatus3xxRedirection();
		}
		assertThat(fixtures.score("reviewer2", round, chengdu, 90, "submit")).hasStatus3xxRedirection();
		assertThat(fixtures.score("reviewer3", round, chengdu, 80, "submit")).hasStatus3xxRedirection();
		assertThat(fixtures.score("reviewer4", round, chengdu, 70, "draft")).hasStatus3xxRedirection();

		MockHttpSession central = SignIn.as(mvc, "central");
		var live = assertThat(mvc.get().uri("/api/v1/programme/reviews/{id}/results", round).session(central))
			.hasStatusOk().bodyJson();
		live.extractingPath("$.frozen").isEqualTo(false);
		live.extractingPath("$.projects[0].title").isEqualTo("芳草社区“同心家园”");
		live.extractingPath("$.projects[0].mean").isEqualTo(85.0);
		live.extractingPath("$.projects[0].submitted").isEqualTo(2);

		assertThat(mvc.post().uri("/programme/reviews/{id}/close", round).session(central).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(jdbc.sql("select state from programme_review_round where id = ?").param(round).query(String.class)
			.single()).isEqualTo("CLOSED");

		// No score changes after closing: a draft cannot be saved nor submitted, nothing is written.
		var late = fixtures.score("reviewer4", round, chengdu, 10, "submit");
		assertThat(late).hasStatusOk().bodyText().contains("评审已结束，评分不能再修改");
		assertThat(jdbc.sql("""
				select s.score from programme_review_score s join programme_review_assignment a on a.id = s.assignment_id
				where a.round_id = ? and a.reviewer = 'reviewer4' and a.project_id = ? limit 1""")
			.params(round, chengdu).query(Integer.class).single()).isEqualTo(70);
		assertThat(jdbc.sql("select state from programme_review_assignment where round_id = ? and reviewer = 'reviewer4' and project_id = ?")
			.params(round, chengdu).query(String.class).single()).isEqualTo("DRAFT");
		assertThat(fixtures.assign(round, chengdu, "reviewer", "").getMvcResult().getFlashMap().get("error").toString())
			.contains("已结束");

		// The results are the snapshot taken at closing: even a score changed behind the application's
		// back does not move them.
		jdbc.sql("""
				update programme_review_score set score = 0 where assignment_id in
				(select id from programme_review_assignment where round_id = ?)""").param(round).update();
		var frozen = assertThat(mvc.get().uri("/api/v1/programme/reviews/{id}/results", round).session(central))
			.hasStatusOk().bodyJson();
		frozen.extractingPath("$.frozen").isEqualTo(true);
		frozen.extractingPath("$.projects[0].mean").isEqualTo(85.0);
		frozen.extractingPath("$.projects[0].spread").isEqualTo(5.0);

		assertThat(mvc.post().uri("/programme/reviews/{id}/close", round).session(central).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(jdbc.sql("select count(*) from programme_review_result where round_id = ?").param(round)
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void citiesSeeOnlyTheClosedResultsOfTheirOwnProjects() {
		long round = fixtures.roundId(ReviewFixtures.DEMO_ROUND);
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/programme/reviews/{id}/results", round).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("芳草社区“同心家园”")
			.doesNotContain("网络作家村")
			.doesNotContain("reviewer2");
		var json = assertThat(mvc.get().uri("/api/v1/programme/reviews/{id}/results", round).session(chengdu))
			.hasStatusOk().bodyJson();
		json.extractingPath("$.projects[*].title").asArray().containsExactly("芳草社区“同心家园”");
		// Scored, but not by whom: the city sees reviewers as numbers.
		json.extractingPath("$.projects[0].reviewers[*].reviewer").asArray().containsExactly("1", "2", "3", "4");
		assertThat(mvc.get().uri("/programme/reviews/{id}/report.pdf", round).session(chengdu)).hasStatus(403);
		assertThat(mvc.get().uri("/programme/reviews/{id}", round).session(chengdu)).hasStatus(403);

		MockHttpSession yuzhong = SignIn.as(mvc, "yuzhong");
		assertThat(mvc.get().uri("/api/v1/programme/reviews/{id}/results", round).session(yuzhong)).hasStatusOk()
			.bodyJson().extractingPath("$.projects[*].title").asArray().containsExactly("“U创空间”三方联动");

		// An open round is the central office's alone.
		long open = fixtures.createRound("未结束", List.of(fixtures.projectId("同心家园")));
		assertThat(mvc.get().uri("/programme/reviews/{id}/results", open).session(chengdu)).hasStatus(404);
	}
}
