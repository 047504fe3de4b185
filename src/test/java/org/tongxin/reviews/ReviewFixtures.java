package org.tongxin.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.SignIn;

/** Rounds and scores made through the screens, as the central office and the reviewers make them. */
final class ReviewFixtures {

	static final String DEMO_ROUND = "2018年中期推动";

	static final String[][] RUBRIC = { { "创新性", "25" }, { "实效性", "25" }, { "可复制性", "20" }, { "机制建设", "15" },
			{ "覆盖面增长", "15" } };

	private final MockMvcTester mvc;

	private final JdbcClient jdbc;

	ReviewFixtures(MockMvcTester mvc, JdbcClient jdbc) {
		this.mvc = mvc;
		this.jdbc = jdbc;
	}

	long projectId(String titlePart) {
		return jdbc.sql("select id from programme_project where title like '%' || ? || '%' order by id limit 1")
			.param(titlePart)
			.query(Long.class)
			.single();
	}

	long roundId(String title) {
		return jdbc.sql("select id from programme_review_round where title = ?").param(title).query(Long.class).single();
	}

	/** A new open round over the given projects with the standard rubric (or the given weights); returns its id. */
	long createRound(String titlePrefix, List<Long> projects, String... weights) {
		String title = titlePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		MvcTestResult result = postRound(title, projects, weights);
		assertThat(result).hasStatus3xxRedirection();
		return roundId(title);
	}

	MvcTestResult postRound(String title, List<Long> projects, String... weights) {
		MockHttpSession central = SignIn.as(mvc, "central");
		var request = mvc.post()
			.uri("/programme/reviews")
			.session(central)
			.with(csrf())
			.param("title", title)
			.param("opensOn", "2026-01-01")
			.param("closesOn", "2026-12-31")
			.param("outlierThreshold", "15");
		for (long project : projects) {
			request = request.param("projects", String.valueOf(project));
		}
		for (int i = 0; i < RUBRIC.length; i++) {
			request = request.param("criteria[" + i + "].name", RUBRIC[i][0])
				.param("criteria[" + i + "].weight", weights.length > 0 ? weights[i] : RUBRIC[i][1]);
		}
		return request.exchange();
	}

	MvcTestResult assign(long round, long project, String reviewer, String reason) {
		return mvc.post()
			.uri("/programme/reviews/{id}/assignments", round)
			.session(SignIn.as(mvc, "central"))
			.with(csrf())
			.param("project", String.valueOf(project))
			.param("reviewer", reviewer)
			.param("overrideReason", reason)
			.exchange();
	}

	long assignmentCount(long round, long project, String reviewer) {
		return jdbc.sql("""
				select count(*) from programme_review_assignment where round_id = ? and project_id = ? and reviewer = ?""")
			.params(round, project, reviewer)
			.query(Long.class)
			.single();
	}

	/** Scores every criterion with {@code score}; {@code action} "draft" or "submit". */
	MvcTestResult score(String reviewer, long round, long project, int score, String action) {
		var request = mvc.post()
			.uri("/programme/reviews/{r}/projects/{p}", round, project)
			.session(SignIn.as(mvc, reviewer))
			.with(csrf())
			.param("action", action);
		for (long criterion : jdbc.sql("select id from programme_review_criterion where round_id = ? order by sort")
			.param(round)
			.query(Long.class)
			.list()) {
			request = request.param("score_" + criterion, String.valueOf(score))
				.param("comment_" + criterion, reviewer + " 的评语 " + score);
		}
		return request.exchange();
	}
}
