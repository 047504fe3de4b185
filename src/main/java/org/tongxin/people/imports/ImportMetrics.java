package org.tongxin.people.imports;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * People imports for the operator's dashboards (no personal values, no unit names):
 * {@code tongxin_imports_rows_total{outcome="inserted|updated|skipped|failed"}}, whose rate is the rows per
 * second the installation imports, and {@code tongxin_imports_rows_per_second}, one sample per committed
 * import (rows read over the time of the run). Dry runs are not counted: nothing was written.
 */
@Component
class ImportMetrics {

	private final MeterRegistry registry;

	private final DistributionSummary speed;

	ImportMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.speed = DistributionSummary.builder("tongxin.imports.rows.per.second")
			.description("Rows read per second by a committed people import")
			.register(registry);
		for (String outcome : new String[] { "inserted", "updated", "skipped", "failed" }) {
			count(outcome, 0);
		}
	}

	void committed(ImportResult result, Duration took) {
		count("inserted", result.inserted());
		count("updated", result.updated());
		count("skipped", result.skipped());
		count("failed", result.failed());
		double seconds = Math.max(took.toMillis(), 1) / 1000.0;
		speed.record(result.total() / seconds);
	}

	private void count(String outcome, long rows) {
		Counter.builder("tongxin.imports.rows")
			.description("Rows of committed people imports, by outcome")
			.tag("outcome", outcome)
			.register(registry)
			.increment(rows);
	}
}
