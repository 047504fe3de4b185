package org.tongxin.programme;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What a user enters for a demonstration site, in the UI and in the API. */
public record SiteForm(
		@NotNull(message = "{site.parent.required}") @Nullable Long parentUnit,
		@NotBlank(message = "{site.name.required}") @Size(max = 100, message = "{site.name.size}") @Nullable String name,
		@NotNull(message = "{site.kind.required}") @Nullable SiteKind kind,
		@Size(max = 200, message = "{site.address.size}") @Nullable String address,
		@PastOrPresent(message = "{site.openedOn.past}") @Nullable LocalDate openedOn,
		@Size(max = 100, message = "{site.responsibleUnit.size}") @Nullable String responsibleUnit,
		@Size(max = 2000, message = "{site.description.size}") @Nullable String description) {

	public static SiteForm empty() {
		return new SiteForm(null, null, null, null, null, null, null);
	}

	public static SiteForm of(Site site) {
		return new SiteForm(site.parent().value(), site.name(), site.kind(), site.address(), site.openedOn(),
				site.responsibleUnit(), site.description());
	}
}
