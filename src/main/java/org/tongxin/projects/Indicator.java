package org.tongxin.projects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A measurable goal of a project ("聚集社会组织：目标 28 家") with the latest value reported for it.
 * Only reports that stand count: a report returned for revision does not move progress.
 */
public record Indicator(IndicatorId id, ProjectId project, String name, String unitLabel, BigDecimal baseline,
		BigDecimal target, @Nullable BigDecimal latest, @Nullable LocalDate latestOn) {

	/**
	 * How far the latest value has come from baseline to target, 0–100. No value yet is 0; a target that
	 * equals its baseline is met or not.
	 */
	public int percent() {
		BigDecimal value = latest == null ? baseline : latest;
		BigDecimal span = target.subtract(baseline);
		if (span.signum() == 0) {
			return value.compareTo(target) >= 0 ? 100 : 0;
		}
		BigDecimal share = value.subtract(baseline).multiply(BigDecimal.valueOf(100)).divide(span, 0, RoundingMode.DOWN);
		return Math.clamp(share.longValue(), 0, 100);
	}

	/** A project's progress: the mean of its indicators' percentages, or null without indicators. */
	public static @Nullable Integer progress(List<Indicator> indicators) {
		if (indicators.isEmpty()) {
			return null;
		}
		return (int) Math.round(indicators.stream().mapToInt(Indicator::percent).average().orElse(0));
	}
}
