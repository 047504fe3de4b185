package org.tongxin.projects;

import java.math.BigDecimal;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A progress report as entered: kind, quarter for periodic reports ("2018-Q3"), text and values by
 * indicator id. Checked by {@link KeyProjects} because the rules depend on the project's indicators.
 */
public record ReportForm(@Nullable ReportKind kind, @Nullable String period, @Nullable String text,
		Map<Long, BigDecimal> values) {
}
