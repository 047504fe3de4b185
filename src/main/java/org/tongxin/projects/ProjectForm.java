package org.tongxin.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.tongxin.platform.TargetGroup;
import org.tongxin.programme.SiteId;

/** What a user enters for a key project, in the UI and in the API. Status changes go their own way. */
public record ProjectForm(
		@NotNull(message = "{project.batch.required}") @Nullable Long batch,
		@NotNull(message = "{project.unit.required}") @Nullable Long unit,
		@NotBlank(message = "{project.title.required}") @Size(max = 200, message = "{project.title.size}") @Nullable String title,
		@Size(max = 100, message = "{project.carrier.size}") @Nullable String carrier,
		@NotEmpty(message = "{project.targetGroups.required}") @Nullable List<TargetGroup> targetGroups,
		@Size(max = 500, message = "{project.text.size}") @Nullable String innovationFocus,
		@Size(max = 4000, message = "{project.text.size}") @Nullable String background,
		@Size(max = 4000, message = "{project.text.size}") @Nullable String goals,
		@Size(max = 4000, message = "{project.text.size}") @Nullable String measures,
		@Size(max = 500, message = "{project.text.size}") @Nullable String responsiblePersons,
		@Size(max = 1000, message = "{project.text.size}") @Nullable String partnerUnits,
		@DecimalMin(value = "0", message = "{project.budget.invalid}") @Digits(integer = 12, fraction = 2, message = "{project.budget.invalid}") @Nullable BigDecimal budget,
		@Nullable LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable List<Long> sites) {

	public static ProjectForm empty() {
		return new ProjectForm(null, null, null, null, List.of(), null, null, null, null, null, null, null, null, null,
				List.of());
	}

	public static ProjectForm of(Project p) {
		return new ProjectForm(p.batch().value(), p.unit().value(), p.title(), p.carrier(), List.copyOf(p.targetGroups()),
				p.innovationFocus(), p.background(), p.goals(), p.measures(), p.responsiblePersons(), p.partnerUnits(),
				p.budget(), p.startsOn(), p.endsOn(), p.sites().stream().map(SiteId::value).toList());
	}

	@AssertTrue(message = "{project.period.order}")
	public boolean isPeriodInOrder() {
		return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
	}
}
