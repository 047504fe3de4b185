package org.tongxin.platform.jobs;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Background jobs for the operator's dashboards: {@code tongxin_jobs{status="queued|running"}} (read from the
 * queue's partial index at each scrape; a queue that only grows means no runner is working) and
 * {@code tongxin_jobs_failed_total} / {@code tongxin_jobs_finished_total} by kind.
 */
@Component
class JobMetrics {

	private final MeterRegistry registry;

	JobMetrics(MeterRegistry registry, JdbcClient jdbc, List<JobHandler> handlers) {
		this.registry = registry;
		// Counted from zero for every kind from the start, so that an alert on their increase has a series.
		for (JobHandler handler : handlers) {
			finishedCounter(handler.kind(), JobStatus.SUCCEEDED);
			finishedCounter(handler.kind(), JobStatus.FAILED);
		}
		for (String status : new String[] { "QUEUED", "RUNNING" }) {
			Gauge.builder("tongxin.jobs", () -> count(jdbc, status))
				.description("Background jobs waiting or running")
				.tag("status", status.toLowerCase(java.util.Locale.ROOT))
				.register(registry);
		}
	}

	private static double count(JdbcClient jdbc, String status) {
		try {
			return jdbc.sql("select count(*) from platform_job where status = ?").param(status).query(Long.class).single();
		}
		catch (RuntimeException e) {
			// The database is away: the gauge says so rather than failing the scrape.
			return Double.NaN;
		}
	}

	void finished(String kind, JobStatus status) {
		finishedCounter(kind, status).increment();
	}

	private Counter finishedCounter(String kind, JobStatus status) {
		return Counter.builder(status == JobStatus.SUCCEEDED ? "tongxin.jobs.finished" : "tongxin.jobs.failed")
			.description("Background jobs ended, by kind")
			.tag("kind", kind)
			.register(registry);
	}
}
