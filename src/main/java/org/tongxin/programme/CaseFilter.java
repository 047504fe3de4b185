package org.tongxin.programme;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.TargetGroup;

/** Case search: text in title or summary, and tags. */
public record CaseFilter(@Nullable String text, @Nullable TargetGroup group, @Nullable SiteKind siteKind,
		@Nullable String mechanism) {

	public static CaseFilter none() {
		return new CaseFilter(null, null, null, null);
	}
}
