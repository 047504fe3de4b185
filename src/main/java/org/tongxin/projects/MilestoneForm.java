package org.tongxin.projects;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

public record MilestoneForm(
		@NotBlank(message = "{milestone.title.required}") @Size(max = 200, message = "{milestone.title.size}") @Nullable String title,
		@NotNull(message = "{milestone.dueOn.required}") @Nullable LocalDate dueOn) {

	public static MilestoneForm empty() {
		return new MilestoneForm(null, null);
	}
}
