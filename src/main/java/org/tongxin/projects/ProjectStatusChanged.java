package org.tongxin.projects;

/** Published when a project's status changes; review rounds and dashboards follow it. */
public record ProjectStatusChanged(ProjectId project, ProjectStatus from, ProjectStatus to) {
}
