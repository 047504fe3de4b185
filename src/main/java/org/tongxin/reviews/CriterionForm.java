package org.tongxin.reviews;

import org.jspecify.annotations.Nullable;

/** One line of the rubric as entered; a line without a name is left out. */
public record CriterionForm(@Nullable String name, @Nullable Integer weight, @Nullable String descriptors) {

	public boolean blank() {
		return (name == null || name.isBlank()) && weight == null && (descriptors == null || descriptors.isBlank());
	}
}
