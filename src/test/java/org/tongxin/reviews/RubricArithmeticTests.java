package org.tongxin.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tongxin.platform.Refused;
import org.tongxin.programme.Tier;
import org.tongxin.projects.ProjectId;
import org.tongxin.reviews.RoundResults.SubmittedScore;

/** The arithmetic of a review, by hand-checkable numbers: weights, weighted scores, mean, spread, outliers, ranks. */
class RubricArithmeticTests {

	static final List<Criterion> CRITERIA = List.of(new Criterion(1, "创新性", 25, null),
			new Criterion(2, "实效性", 25, null), new Criterion(3, "可复制性", 20, null), new Criterion(4, "机制建设", 15, null),
			new Criterion(5, "覆盖面增长", 15, null));

	static final ReviewRound ROUND = new ReviewRound(new ReviewRoundId(1), "测试", null, LocalDate.of(2018, 10, 1),
			LocalDate.of(2018, 11, 1), new BigDecimal("15"), ReviewRoundState.OPEN, CRITERIA, "central", null, null);

	@Test
	void weightedScoreIsTheSumOfWeightTimesScoreOverOneHundred() {
		Rubric rubric = new Rubric(CRITERIA);
		// 25×90 + 25×80 + 20×70 + 15×60 + 15×100 = 2250 + 2000 + 1400 + 900 + 1500 = 8050 → 80.50
		assertThat(rubric.weighted(Map.of(1L, 90, 2L, 80, 3L, 70, 4L, 60, 5L, 100))).isEqualByComparingTo("80.50");
		assertThat(rubric.weighted(Map.of(1L, 100, 2L, 100, 3L, 100, 4L, 100, 5L, 100))).isEqualByComparingTo("100");
		assertThat(rubric.weighted(Map.of(1L, 0, 2L, 0, 3L, 0, 4L, 0, 5L, 0))).isEqualByComparingTo("0");
		// 25×77 + 25×81 + 20×69 + 15×90 + 15×73 = 1925 + 2025 + 1380 + 1350 + 1095 = 7775 → 77.75
		assertThat(rubric.weighted(Map.of(1L, 77, 2L, 81, 3L, 69, 4L, 90, 5L, 73))).isEqualByComparingTo("77.75");
		assertThat(rubric.weighted(Map.of(1L, 90, 2L, 80))).as("incomplete").isNull();
	}

	@Test
	void weightsThatDoNotSumToOneHundredAreRejectedWithTheSum() {
		List<CriterionForm> ninetyFive = List.of(new CriterionForm("创新性", 25, null), new CriterionForm("实效性", 25, null),
				new CriterionForm("可复制性", 20, null), new CriterionForm("机制建设", 15, null),
				new CriterionForm("覆盖面增长", 10, null));
		assertThatThrownBy(() -> Rubric.check(ninetyFive)).isInstanceOf(Refused.class)
			.satisfies(e -> {
				assertThat(((Refused) e).key()).isEqualTo("rubric.weight.sum");
				assertThat(((Refused) e).arguments()).containsExactly(95);
			});
		List<CriterionForm> oneHundredFive = List.of(new CriterionForm("创新性", 60, null), new CriterionForm("实效性", 45, null));
		assertThatThrownBy(() -> Rubric.check(oneHundredFive)).isInstanceOf(Refused.class)
			.hasMessage("rubric.weight.sum");
		assertThatThrownBy(() -> Rubric.check(List.of())).hasMessage("rubric.empty");
		assertThatThrownBy(() -> Rubric.check(List.of(new CriterionForm("创新性", 0, null), new CriterionForm("实效性", 100, null))))
			.hasMessage("rubric.weight.range");
		assertThatThrownBy(() -> Rubric.check(List.of(new CriterionForm("创新性", 50, null), new CriterionForm("创新性", 50, null))))
			.hasMessage("rubric.name.duplicate");
		Rubric.check(List.of(new CriterionForm("创新性", 25, null), new CriterionForm("实效性", 25, null),
				new CriterionForm("可复制性", 20, null), new CriterionForm("机制建设", 15, null),
				new CriterionForm("覆盖面增长", 15, null)));
	}

	@Test
	void scoresOutsideZeroToOneHundredAreRejected() {
		Criterion innovation = new Criterion(1, "创新性", 25, null);
		assertThat(Rubric.problem(innovation, new Score(1, 101, "理由"), false)).extracting(Refused::key)
			.isEqualTo("score.range.criterion");
		assertThat(Rubric.problem(innovation, new Score(1, -1, "理由"), true)).extracting(Refused::key)
			.isEqualTo("score.range.criterion");
		assertThat(Rubric.problem(innovation, new Score(1, 0, "理由"), true)).isNull();
		assertThat(Rubric.problem(innovation, new Score(1, 100, "理由"), true)).isNull();
		assertThat(Rubric.problem(innovation, new Score(1, null, null), false)).isNull();
		assertThat(Rubric.problem(innovation, new Score(1, null, null), true)).extracting(Refused::key)
			.isEqualTo("score.missing");
	}

	@Test
	void aSubmittedScoreBelowSixtyOrAboveNinetyPercentNeedsAReason() {
		Criterion innovation = new Criterion(1, "创新性", 25, null);
		for (int score : new int[] { 0, 59, 91, 100 }) {
			assertThat(Rubric.problem(innovation, new Score(1, score, null), true)).as("score " + score)
				.extracting(Refused::key)
				.isEqualTo(Rubric.REASON_REQUIRED);
			assertThat(Rubric.problem(innovation, new Score(1, score, " "), true)).as("blank reason " + score).isNotNull();
			assertThat(Rubric.problem(innovation, new Score(1, score, "理由"), true)).isNull();
			assertThat(Rubric.problem(innovation, new Score(1, score, null), false)).as("draft " + score).isNull();
		}
		for (int score : new int[] { 60, 75, 90 }) {
			assertThat(Rubric.problem(innovation, new Score(1, score, null), true)).as("score " + score).isNull();
		}
	}

	@Test
	void meanSpreadAndAnExplainableOutlier() {
		ProjectId project = new ProjectId(7);
		List<SubmittedScore> scores = new java.util.ArrayList<>();
		scores.addAll(uniform(project, "a", 80));
		scores.addAll(uniform(project, "b", 84));
		scores.addAll(uniform(project, "c", 60));
		List<ProjectResult> results = RoundResults.compute(ROUND,
				List.of(new RoundResults.Subject(project, "项目", "成都市", "成都市", 1, Tier.PILOT, 3)), scores);
		ProjectResult result = results.get(0);
		// mean (80 + 84 + 60) / 3 = 74.67; population SD sqrt(((5.33)² + (9.33)² + (14.67)²) / 3) = 10.50
		assertThat(result.mean()).isEqualByComparingTo("74.67");
		assertThat(result.spread()).isEqualByComparingTo("10.50");
		ProjectResult.ReviewerResult c = result.reviewers().stream().filter(r -> r.reviewer().equals("c")).findFirst().orElseThrow();
		// c: 60 against the others' mean (80 + 84) / 2 = 82: 22 points apart, more than 15
		assertThat(c.othersMean()).isEqualByComparingTo("82");
		assertThat(c.deviation()).isEqualByComparingTo("22");
		assertThat(c.outlier()).isTrue();
		ProjectResult.ReviewerResult a = result.reviewers().stream().filter(r -> r.reviewer().equals("a")).findFirst().orElseThrow();
		// a: 80 against (84 + 60) / 2 = 72: 8 apart
		assertThat(a.deviation()).isEqualByComparingTo("8");
		assertThat(a.outlier()).isFalse();
		assertThat(result.outlier()).isTrue();
		assertThat(result.criterionMeans()).containsEntry("创新性", new BigDecimal("74.67"));
	}

	@Test
	void rankingPerBatchAndPerTierWithTiesSharingARank() {
		List<RoundResults.Subject> subjects = List.of(
				new RoundResults.Subject(new ProjectId(1), "甲", "北京市", "北京市", 1, Tier.PILOT, 1),
				new RoundResults.Subject(new ProjectId(2), "乙", "石家庄市", "石家庄市", 1, Tier.PROMOTION, 1),
				new RoundResults.Subject(new ProjectId(3), "丙", "成都市", "成都市", 1, Tier.PILOT, 1),
				new RoundResults.Subject(new ProjectId(4), "丁", "深圳市", "深圳市", 2, Tier.PILOT, 1),
				new RoundResults.Subject(new ProjectId(5), "戊", "大连市", "大连市", 2, Tier.PILOT, 1));
		List<SubmittedScore> scores = new java.util.ArrayList<>();
		scores.addAll(uniform(new ProjectId(1), "a", 80));
		scores.addAll(uniform(new ProjectId(2), "a", 90));
		scores.addAll(uniform(new ProjectId(3), "a", 85));
		scores.addAll(uniform(new ProjectId(4), "a", 85));
		List<ProjectResult> results = RoundResults.compute(ROUND, subjects, scores);
		assertThat(results).extracting(ProjectResult::title).containsExactly("乙", "丙", "丁", "甲", "戊");
		assertThat(results).extracting(ProjectResult::rank).containsExactly(1, 2, 2, 4, null);
		ProjectResult jia = results.get(3);
		assertThat(jia.rankInBatch()).isEqualTo(3);
		assertThat(jia.rankInTier()).isEqualTo(3);
		ProjectResult ding = results.get(2);
		assertThat(ding.rankInBatch()).isEqualTo(1);
		assertThat(ding.rankInTier()).isEqualTo(1);
		assertThat(results.get(0).rankInTier()).as("the only promotion city").isEqualTo(1);
		assertThat(results.get(4).mean()).isNull();
	}

	static List<SubmittedScore> uniform(ProjectId project, String reviewer, int score) {
		return CRITERIA.stream().map(c -> new SubmittedScore(project, reviewer, c.id(), score, null)).toList();
	}
}
