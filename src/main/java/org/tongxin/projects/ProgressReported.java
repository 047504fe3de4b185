package org.tongxin.projects;

/** Published when a progress report is submitted (also again after a revision). */
public record ProgressReported(ProjectId project, ReportId report) {
}
