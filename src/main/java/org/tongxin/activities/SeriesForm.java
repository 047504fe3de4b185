package org.tongxin.activities;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

public record SeriesForm(@NotBlank(message = "{activities.series.name.required}") @Size(max = 100,
		message = "{activities.series.name.size}") @Nullable String name,
		@Size(max = 2000, message = "{activities.description.size}") @Nullable String description,
		@Nullable Long projectId, @Nullable List<Long> organisationIds) {

	public static SeriesForm empty() {
		return new SeriesForm(null, null, null, new ArrayList<>());
	}

	public static SeriesForm of(Series s) {
		return new SeriesForm(s.name(), s.description(), s.project() == null ? null : s.project().value(),
				new ArrayList<>(s.organisations().stream().map(o -> o.value()).toList()));
	}

	public List<Long> organisations() {
		return organisationIds == null ? List.of() : organisationIds;
	}
}
