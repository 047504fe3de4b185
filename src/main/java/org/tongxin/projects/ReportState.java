package org.tongxin.projects;

/** A submitted report stands until the level above returns it for revision; a revision submits it again. */
public enum ReportState {
	SUBMITTED, RETURNED
}
