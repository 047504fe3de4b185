package org.tongxin.programme;

import org.jspecify.annotations.Nullable;

/** Filter of the site list: kind, the city or district it sits in, a text fragment, closed or not. */
public record SiteFilter(@Nullable SiteKind kind, @Nullable Long parentUnit, @Nullable String text,
		boolean includeClosed) {

	public static SiteFilter none() {
		return new SiteFilter(null, null, null, true);
	}
}
