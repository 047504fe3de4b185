package org.tongxin.projects;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.UnitId;

/** A unit's mark “我们正在借鉴” on a case. */
public record Adoption(CaseId exemplaryCase, UnitId unit, String unitName, @Nullable String note, String adoptedBy,
		Instant adoptedAt) {
}
