package org.tongxin.programme;

/** A submitted report stands until the level above returns it for revision; a revision submits it again. */
public enum ReportState {
	SUBMITTED, RETURNED
}
