package org.tongxin.projects;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A dated step of a project. */
public record Milestone(MilestoneId id, ProjectId project, String title, LocalDate dueOn, @Nullable LocalDate doneOn) {

	public boolean done() {
		return doneOn != null;
	}

	/** Not done and past its due date; whether that matters also depends on the project being active. */
	public boolean overdue(LocalDate today) {
		return doneOn == null && dueOn.isBefore(today);
	}
}
