package org.tongxin.projects;

/** Published when the level above returns a report for revision. */
public record ReportReturned(ProjectId project, ReportId report, String comment) {
}
