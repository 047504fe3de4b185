package org.tongxin.reviews;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.tongxin.programme.Tier;
import org.tongxin.projects.ProjectId;

/**
 * One project's result in a round: the weighted score of each submitted reviewer, their mean and spread
 * (population standard deviation), the outlier flags, the mean per criterion, the strongest comments
 * and the ranks overall, within its batch and within its city's tier. Stored as it is when a round closes.
 */
public record ProjectResult(ProjectId project, String title, String place, String cityName, int batchNumber,
		@Nullable Tier tier, int assigned, int submitted, @Nullable BigDecimal mean, @Nullable BigDecimal spread,
		List<ReviewerResult> reviewers, Map<String, BigDecimal> criterionMeans, List<Comment> strongestComments,
		@Nullable Integer rank, @Nullable Integer rankInBatch, @Nullable Integer rankInTier) {

	/**
	 * A submitted reviewer's weighted score and how far it lies from the mean of the other reviewers; an
	 * outlier when that distance exceeds the round's threshold.
	 */
	public record ReviewerResult(String reviewer, BigDecimal weighted, @Nullable BigDecimal othersMean,
			@Nullable BigDecimal deviation, boolean outlier) {
	}

	/** A comment with the criterion and score it came with. */
	public record Comment(String criterion, int score, String text) {
	}

	public boolean outlier() {
		return reviewers.stream().anyMatch(ReviewerResult::outlier);
	}

	public ProjectResult ranked(@Nullable Integer overall, @Nullable Integer inBatch, @Nullable Integer inTier) {
		return new ProjectResult(project, title, place, cityName, batchNumber, tier, assigned, submitted, mean, spread,
				reviewers, criterionMeans, strongestComments, overall, inBatch, inTier);
	}
}
