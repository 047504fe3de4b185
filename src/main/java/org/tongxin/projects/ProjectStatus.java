package org.tongxin.projects;

/** Where a key project stands. Only the first three are active: their overdue milestones are flagged. */
public enum ProjectStatus {
	PLANNED, IN_PROGRESS, AT_RISK, COMPLETED, STOPPED;

	public boolean active() {
		return this == PLANNED || this == IN_PROGRESS || this == AT_RISK;
	}
}
