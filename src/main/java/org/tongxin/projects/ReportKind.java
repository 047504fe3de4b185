package org.tongxin.projects;

/** A progress report is due every quarter; anything noteworthy in between is reported ad hoc. */
public enum ReportKind {
	PERIODIC, AD_HOC
}
