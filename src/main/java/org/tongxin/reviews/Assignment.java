package org.tongxin.reviews;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.UnitId;
import org.tongxin.projects.ProjectId;

/**
 * A reviewer assigned to one project of a round; {@code overrideReason} is set when the central office
 * assigned it despite a conflict of interest.
 */
public record Assignment(long id, ReviewRoundId round, String roundTitle, ProjectId project, String projectTitle,
		String place, UnitId projectCity, String reviewer, String reviewerName, AssignmentState state,
		@Nullable String overrideReason, @Nullable Instant submittedAt) {

	public boolean submitted() {
		return state == AssignmentState.SUBMITTED;
	}
}
