package org.tongxin.projects;

import org.jspecify.annotations.Nullable;

/** Filter of the project list: batch, city (its unit id), status and a fragment of title, carrier or place. */
public record ProjectFilter(@Nullable Long batch, @Nullable Long city, @Nullable ProjectStatus status,
		@Nullable String text) {

	public static ProjectFilter none() {
		return new ProjectFilter(null, null, null, null);
	}
}
