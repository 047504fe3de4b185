package org.tongxin.reviews;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A new round: a batch (all its projects) or chosen projects, the period, the outlier threshold and the
 * rubric lines. That the weights sum to 100 is a rule of {@link Rubric}, checked by the facade.
 */
public record RoundForm(
		@NotBlank(message = "{round.title.required}") @Size(max = 100, message = "{round.title.size}") @Nullable String title,
		@Nullable Long batch, @Nullable List<Long> projects,
		@NotNull(message = "{round.opensOn.required}") @Nullable LocalDate opensOn,
		@NotNull(message = "{round.closesOn.required}") @Nullable LocalDate closesOn,
		@NotNull(message = "{round.threshold.invalid}") @DecimalMin(value = "1", message = "{round.threshold.invalid}") @DecimalMax(value = "100", message = "{round.threshold.invalid}") @Nullable BigDecimal outlierThreshold,
		@Nullable List<CriterionForm> criteria) {

	/** The five criteria of the 2018 mid-term review, offered as the starting rubric. */
	public static RoundForm standard() {
		List<CriterionForm> lines = new ArrayList<>(List.of(new CriterionForm("创新性", 25, null),
				new CriterionForm("实效性", 25, null), new CriterionForm("可复制性", 20, null),
				new CriterionForm("机制建设", 15, null), new CriterionForm("覆盖面增长", 15, null)));
		lines.add(new CriterionForm(null, null, null));
		return new RoundForm(null, null, List.of(), null, null, new BigDecimal("15"), lines);
	}

	public List<CriterionForm> filledCriteria() {
		return criteria == null ? List.of() : criteria.stream().filter(c -> !c.blank()).toList();
	}
}
