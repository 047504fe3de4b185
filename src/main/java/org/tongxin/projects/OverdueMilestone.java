package org.tongxin.projects;

import java.time.LocalDate;

/** An overdue milestone with the project it holds up, for the level above. */
public record OverdueMilestone(MilestoneId id, ProjectId project, String projectTitle, String place, String title,
		LocalDate dueOn) {
}
