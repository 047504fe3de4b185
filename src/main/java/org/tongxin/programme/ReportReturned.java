package org.tongxin.programme;

/** Published when the level above returns a report for revision. */
public record ReportReturned(ProjectId project, ReportId report, String comment) {
}
