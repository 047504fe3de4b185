package org.tongxin.reviews;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.tongxin.projects.BatchId;

/**
 * A review round ("2018年中期推动") over a batch or a chosen set of projects: its period, its rubric and the
 * threshold (in points of weighted score) beyond which a reviewer's score counts as an outlier.
 */
public record ReviewRound(ReviewRoundId id, String title, @Nullable BatchId batch, LocalDate opensOn,
		LocalDate closesOn, BigDecimal outlierThreshold, ReviewRoundState state, List<Criterion> criteria,
		String createdBy, @Nullable Instant closedAt, @Nullable String closedBy) {

	public boolean open() {
		return state == ReviewRoundState.OPEN;
	}

	public Rubric rubric() {
		return new Rubric(criteria);
	}
}
