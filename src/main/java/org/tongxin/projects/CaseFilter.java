package org.tongxin.projects;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.TargetGroup;
import org.tongxin.programme.SiteKind;

/** Case search: text in title or summary, and tags. */
public record CaseFilter(@Nullable String text, @Nullable TargetGroup group, @Nullable SiteKind siteKind,
		@Nullable String mechanism) {

	public static CaseFilter none() {
		return new CaseFilter(null, null, null, null);
	}
}
