package org.tongxin.projects;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

public record IndicatorForm(
		@NotBlank(message = "{indicator.name.required}") @Size(max = 100, message = "{indicator.name.size}") @Nullable String name,
		@NotBlank(message = "{indicator.unitLabel.required}") @Size(max = 20, message = "{indicator.unitLabel.size}") @Nullable String unitLabel,
		@Digits(integer = 12, fraction = 2, message = "{indicator.number.invalid}") @Nullable BigDecimal baseline,
		@NotNull(message = "{indicator.target.required}") @Digits(integer = 12, fraction = 2, message = "{indicator.number.invalid}") @Nullable BigDecimal target) {

	public static IndicatorForm empty() {
		return new IndicatorForm(null, null, null, null);
	}
}
