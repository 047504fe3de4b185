package org.tongxin.projects;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What the central office enters for a batch. */
public record BatchForm(
		@NotNull(message = "{batch.number.required}") @Min(value = 1, message = "{batch.number.required}") @Nullable Integer number,
		@NotNull(message = "{batch.year.required}") @Min(value = 2000, message = "{batch.year.range}") @Max(value = 2100, message = "{batch.year.range}") @Nullable Integer year,
		@NotBlank(message = "{batch.title.required}") @Size(max = 100, message = "{batch.title.size}") @Nullable String title,
		@NotNull(message = "{batch.plannedCount.required}") @Min(value = 0, message = "{batch.plannedCount.required}") @Nullable Integer plannedCount,
		@Nullable LocalDate callOpens, @Nullable LocalDate callCloses) {

	public static BatchForm empty() {
		return new BatchForm(null, null, null, null, null, null);
	}

	public static BatchForm of(Batch batch) {
		return new BatchForm(batch.number(), batch.year(), batch.title(), batch.plannedCount(), batch.callOpens(),
				batch.callCloses());
	}

	@AssertTrue(message = "{batch.call.order}")
	public boolean isCallInOrder() {
		return callOpens == null || callCloses == null || !callCloses.isBefore(callOpens);
	}
}
