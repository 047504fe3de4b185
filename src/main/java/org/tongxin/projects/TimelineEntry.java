package org.tongxin.projects;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of a project's timeline: creation, status changes, reports, returns, revisions and milestones.
 * {@code kind} names the message that describes it; {@code detail} is the status, period or comment.
 */
public record TimelineEntry(Instant at, String kind, @Nullable String detail, @Nullable String actor) {
}
