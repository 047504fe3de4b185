package org.tongxin.reviews;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.Refused;

/**
 * A round's criteria and the arithmetic of a reviewer's score: weighted score = Σ(weight × score) / 100,
 * each criterion scored 0–100, so the weighted score is on the same 0–100 scale.
 */
public record Rubric(List<Criterion> criteria) {

	public static final int TOTAL_WEIGHT = 100;

	public static final int MAX_SCORE = 100;

	/**
	 * Refuses a rubric that cannot be scored fairly: no criteria, a nameless or duplicate criterion, a weight
	 * outside 1–100, or weights that do not sum to exactly 100 — otherwise weighted scores of different
	 * rounds would not be on the same scale.
	 */
	public static void check(List<CriterionForm> lines) {
		if (lines.isEmpty()) {
			throw new Refused("rubric.empty");
		}
		Set<String> names = new HashSet<>();
		int sum = 0;
		for (CriterionForm line : lines) {
			if (line.name() == null || line.name().isBlank() || line.name().strip().length() > 50) {
				throw new Refused("rubric.name.required");
			}
			if (!names.add(line.name().strip())) {
				throw new Refused("rubric.name.duplicate", line.name().strip());
			}
			if (line.weight() == null || line.weight() < 1 || line.weight() > TOTAL_WEIGHT) {
				throw new Refused("rubric.weight.range", line.name().strip());
			}
			sum += line.weight();
		}
		if (sum != TOTAL_WEIGHT) {
			throw new Refused("rubric.weight.sum", sum);
		}
	}

	/** Below this share of a criterion's maximum (in per cent) a score must be explained in its comment. */
	public static final int REASON_BELOW_PERCENT = 60;

	/** Above this share of a criterion's maximum (in per cent) a score must be explained in its comment. */
	public static final int REASON_ABOVE_PERCENT = 90;

	/** The message key of a missing reason: shown at the comment rather than at the score. */
	public static final String REASON_REQUIRED = "score.reason.required";

	/**
	 * What is wrong with the score of one criterion, or null. A draft may leave a criterion empty; a submission
	 * needs every criterion scored, and an extreme score — below 60 % or above 90 % of the maximum — needs its
	 * reason in the comment, so that an untouched or careless form cannot become a result.
	 */
	public static @Nullable Refused problem(Criterion criterion, Score score, boolean submit) {
		Integer value = score.score();
		if (value == null) {
			return submit ? new Refused("score.missing", criterion.name()) : null;
		}
		if (value < 0 || value > MAX_SCORE) {
			return new Refused("score.range.criterion", criterion.name(), MAX_SCORE);
		}
		boolean extreme = value * 100 < REASON_BELOW_PERCENT * MAX_SCORE || value * 100 > REASON_ABOVE_PERCENT * MAX_SCORE;
		if (submit && extreme && (score.comment() == null || score.comment().isBlank())) {
			return new Refused(REASON_REQUIRED, criterion.name(), REASON_BELOW_PERCENT * MAX_SCORE / 100,
					REASON_ABOVE_PERCENT * MAX_SCORE / 100);
		}
		return null;
	}

	/** The weighted score of complete scores (criterion id → 0–100), to two decimals; null when one is missing. */
	public @Nullable BigDecimal weighted(Map<Long, Integer> scores) {
		BigDecimal sum = BigDecimal.ZERO;
		for (Criterion criterion : criteria) {
			Integer score = scores.get(criterion.id());
			if (score == null) {
				return null;
			}
			sum = sum.add(BigDecimal.valueOf((long) criterion.weight() * score));
		}
		return sum.divide(BigDecimal.valueOf(TOTAL_WEIGHT), 2, RoundingMode.HALF_UP);
	}
}
