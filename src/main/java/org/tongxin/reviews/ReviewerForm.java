package org.tongxin.reviews;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

public record ReviewerForm(
		@NotBlank(message = "{reviewer.username.required}") @Size(max = 50, message = "{reviewer.username.required}") @Nullable String username,
		@NotBlank(message = "{reviewer.name.required}") @Size(max = 50, message = "{reviewer.name.required}") @Nullable String name,
		@NotNull(message = "{reviewer.homeCity.required}") @Nullable Long homeCity,
		@Size(max = 200, message = "{reviewer.expertise.size}") @Nullable String expertise) {

	public static ReviewerForm empty() {
		return new ReviewerForm(null, null, null, null);
	}
}
