package org.tongxin.projects;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.UnitId;
import org.tongxin.programme.SiteKind;

/**
 * An exemplary case (典型案例) promoted from a key project: what it is, what makes it work and how to
 * replicate it, tagged by target groups, site kinds and mechanisms. Published cases are seen by every city.
 */
public record ExemplaryCase(CaseId id, ProjectId project, UnitId unit, String place, String title, String summary,
		String successFactors, String replication, Set<TargetGroup> targetGroups, Set<SiteKind> siteKinds,
		List<String> mechanisms, boolean published, @Nullable Instant publishedAt, String createdBy,
		long adoptions, int version) {
}
