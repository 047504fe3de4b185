package org.tongxin.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * A reviewer's scores are a result only when each criterion was really scored: the form starts empty, every
 * criterion is required (with a message at each one), a score below 60 % or above 90 % of the maximum needs
 * its reason, and the server checks all of it whatever the browser let through.
 */
@PlatformTest
class ScoringFormTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	ReviewFixtures fixtures;

	long round;

	long project;

	List<Long> criteria;

	@BeforeEach
	void anAssignedProject() {
		fixtures = new ReviewFixtures(mvc, jdbc);
		project = fixtures.projectId("同心家园");
		round = fixtures.createRound("评分表", List.of(project));
		assertThat(fixtures.assign(round, project, "reviewer2", "")).hasStatus3xxRedirection();
		criteria = jdbc.sql("select id from programme_review_criterion where round_id = ? order by sort")
			.param(round)
			.query(Long.class)
			.list();
	}

	@Test
	void theFormStartsWithEveryScoreEmptyAndRequired() {
		Document form = page(mvc.get().uri("/programme/reviews/{r}/projects/{p}", round, project)
			.session(SignIn.as(mvc, "reviewer2"))
			.exchange());
		assertThat(form.select(".score-input")).hasSize(5).allSatisfy(input -> {
			assertThat(input.attr("value")).isEmpty();
			assertThat(input.hasAttr("required")).isTrue();
			assertThat(input.attr("data-weight")).isNotEmpty();
		});
		assertThat(form.getElementById("weighted").text()).isEqualTo("当前加权得分：各项打分后计算");
		assertThat(form.getElementById("weighted").attr("data-template")).isEqualTo("当前加权得分：{0}");
		assertThat(form.select("script[src~=/js/review-score-[0-9a-f]+\\.js$]")).hasSize(1);
	}

	@Test
	void anUntouchedFormIsRefusedWithAMessageAtEveryCriterion() {
		MvcTestResult result = submit("zh-CN", "submit", i -> "", i -> "");
		Document form = page(result);
		assertThat(form.getElementById("score-error").text()).isEqualTo("有 5 项评分需要修改，请看各项下方的说明");
		assertThat(form.getElementById("score_" + criteria.get(0) + "-error").text()).isEqualTo("请为“创新性”打分后再提交");
		assertThat(form.getElementById("score_" + criteria.get(4) + "-error").text()).isEqualTo("请为“覆盖面增长”打分后再提交");
		assertThat(form.select(".score-input.is-invalid")).hasSize(5);
		assertThat(state()).isEqualTo("ASSIGNED");
		assertThat(storedScores()).isZero();
	}

	@Test
	void theMessagesAreInEnglishForAnEnglishReviewer() {
		Document form = page(submit("en", "submit", i -> "", i -> ""));
		assertThat(form.getElementById("score_" + criteria.get(1) + "-error").text()).isEqualTo("Score \"实效性\" before submitting");
	}

	@Test
	void aScoreOutsideZeroToAHundredOrNotANumberIsRefusedAtItsCriterion() {
		Document form = page(submit("zh-CN", "submit", i -> i == 0 ? "101" : i == 1 ? "八十" : i == 2 ? "-1" : "80",
				i -> "理由"));
		assertThat(form.getElementById("score_" + criteria.get(0) + "-error").text()).isEqualTo("“创新性”的得分应为 0 到 100 的整数");
		assertThat(form.getElementById("score_" + criteria.get(1) + "-error").text()).isEqualTo("“实效性”的得分应为 0 到 100 的整数");
		assertThat(form.getElementById("score_" + criteria.get(2) + "-error").text()).isEqualTo("“可复制性”的得分应为 0 到 100 的整数");
		assertThat(form.getElementById("score_" + criteria.get(3) + "-error")).isNull();
		assertThat(state()).isEqualTo("ASSIGNED");
	}

	@Test
	void anExtremeScoreWithoutAReasonIsRefusedAtItsComment() {
		// 59 is below 60 % of 100, 91 above 90 %: both need a reason; 60 and 90 do not.
		Document form = page(submit("zh-CN", "submit", i -> List.of("59", "91", "60", "90", "75").get(i), i -> ""));
		assertThat(form.getElementById("comment_" + criteria.get(0) + "-error").text())
			.isEqualTo("“创新性”的得分低于 60 分或高于 90 分，请在评语中写明理由");
		assertThat(form.getElementById("comment_" + criteria.get(1) + "-error").text())
			.isEqualTo("“实效性”的得分低于 60 分或高于 90 分，请在评语中写明理由");
		assertThat(form.select(".is-invalid")).hasSize(2);
		assertThat(form.getElementById("score_" + criteria.get(0)).attr("value")).isEqualTo("59");
		assertThat(state()).isEqualTo("ASSIGNED");
	}

	@Test
	void anAllZeroSubmissionNeedsAReasonForEveryCriterion() {
		Document form = page(submit("zh-CN", "submit", i -> "0", i -> " "));
		assertThat(form.select("textarea.is-invalid")).hasSize(5);
		assertThat(state()).isEqualTo("ASSIGNED");
	}

	@Test
	void aDraftMayBeIncompleteAndWithoutReasons() {
		assertThat(submit("zh-CN", "draft", i -> i == 0 ? "30" : "", i -> "")).hasStatus3xxRedirection();
		assertThat(state()).isEqualTo("DRAFT");
	}

	@Test
	void aCompleteSubmissionWithItsReasonsIsAccepted() {
		MvcTestResult result = submit("zh-CN", "submit", i -> List.of("95", "88", "60", "90", "40").get(i),
				i -> i == 0 || i == 4 ? "理由：见进展报告" : "");
		assertThat(result).hasStatus3xxRedirection();
		assertThat(state()).isEqualTo("SUBMITTED");
		assertThat(storedScores()).isEqualTo(5);
	}

	private MvcTestResult submit(String language, String action, IntFunction<String> score, IntFunction<String> comment) {
		MockHttpSession reviewer = SignIn.as(mvc, "reviewer2");
		reviewer.setAttribute("tongxin.locale", Locale.forLanguageTag(language));
		var request = mvc.post()
			.uri("/programme/reviews/{r}/projects/{p}", round, project)
			.session(reviewer)
			.with(csrf())
			.param("action", action);
		for (int i = 0; i < criteria.size(); i++) {
			request = request.param("score_" + criteria.get(i), score.apply(i))
				.param("comment_" + criteria.get(i), comment.apply(i));
		}
		return request.exchange();
	}

	private static Document page(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		try {
			return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	private String state() {
		return jdbc.sql("select state from programme_review_assignment where round_id = ? and project_id = ? and reviewer = 'reviewer2'")
			.params(round, project)
			.query(String.class)
			.single();
	}

	private long storedScores() {
		return jdbc.sql("""
				select count(s.score) from programme_review_score s
				join programme_review_assignment a on a.id = s.assignment_id
				where a.round_id = ? and a.project_id = ? and a.reviewer = 'reviewer2'""")
			.params(round, project)
			.query(Long.class)
			.single();
	}
}
