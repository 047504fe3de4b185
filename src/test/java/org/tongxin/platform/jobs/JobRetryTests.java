package org.tongxin.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.platform.PlatformTest;

/**
 * A job whose worker lost the database is not kept alive by its runner's heartbeat and goes back to the queue
 * once the database answers; failed attempts wait before the next one (10 s, 1 min, 5 min). The jobs here are
 * of a kind no handler claims, so the application's own runner leaves them alone.
 */
@PlatformTest
class JobRetryTests {

	static final List<Duration> PRODUCTION_BACKOFF = List.of(Duration.ofSeconds(10), Duration.ofMinutes(1),
			Duration.ofMinutes(5));

	static final String KIND = "test.unclaimed";

	@Autowired
	Jobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aJobWhoseWorkerEndedWithoutRecordingItIsNotKeptAliveAndIsRequeuedWithABackoff() {
		// Silent for 20 s: less than the 30 s after which the application's own runner requeues a job, so that
		// it leaves these alone while the test works; the test's own sweep below uses 10 s.
		JobId lost = running("runner-a", 1, "20 seconds");
		JobId working = running("runner-a", 1, "20 seconds");

		// The runner beats only for the job its worker still holds.
		jobs.heartbeat("runner-a", Set.of(working));
		assertThat(secondsSinceHeartbeat(working)).isLessThan(5);
		assertThat(secondsSinceHeartbeat(lost)).isGreaterThan(15);

		jobs.requeueAbandoned(Duration.ofSeconds(10), JobRunner.MAX_ATTEMPTS, PRODUCTION_BACKOFF);

		assertThat(status(lost)).isEqualTo("QUEUED");
		assertThat(status(working)).isEqualTo("RUNNING");
		assertThat(secondsUntilDue(lost)).isBetween(5.0, 10.5);
		assertThat(jobs.claim("runner-b", List.of(KIND), JobRunner.MAX_ATTEMPTS)).as("not before its wait")
			.isEmpty();

		jdbc.sql("update platform_job set not_before = now() - interval '1 second' where id = ?").param(lost.value())
			.update();
		assertThat(jobs.claim("runner-b", List.of(KIND), JobRunner.MAX_ATTEMPTS)).map(Job::id).contains(lost);
		jdbc.sql("update platform_job set status = 'CANCELLED' where id in (?, ?)").params(lost.value(), working.value())
			.update();
	}

	@Test
	void theWaitGrowsWithTheAttemptsMade() {
		JobId second = running("runner-c", 2, "1 second");
		JobId third = running("runner-c", 3, "1 second");

		jobs.retry(second, "database unavailable", 4, PRODUCTION_BACKOFF);
		jobs.retry(third, "database unavailable", 4, PRODUCTION_BACKOFF);

		assertThat(status(second)).isEqualTo("QUEUED");
		assertThat(secondsUntilDue(second)).isBetween(55.0, 60.5);
		assertThat(secondsUntilDue(third)).isBetween(295.0, 300.5);
		jdbc.sql("update platform_job set status = 'CANCELLED' where id in (?, ?)").params(second.value(), third.value())
			.update();
	}

	private JobId running(String runner, int attempts, String silentFor) {
		return new JobId(jdbc.sql("""
				insert into platform_job (kind, unit_id, owner, parameters, status, runner, attempts, started_at, heartbeat_at)
				select :kind, unit_id, username, '{}', 'RUNNING', :runner, :attempts, now() - interval '10 minutes',
				       now() - cast(:silence as interval) from platform_account where username = 'chengdu'
				returning id""")
			.param("kind", KIND)
			.param("runner", runner)
			.param("attempts", attempts)
			.param("silence", silentFor)
			.query(Long.class)
			.single());
	}

	private String status(JobId id) {
		return jdbc.sql("select status from platform_job where id = ?").param(id.value()).query(String.class).single();
	}

	private double secondsSinceHeartbeat(JobId id) {
		return jdbc.sql("select extract(epoch from now() - heartbeat_at) from platform_job where id = ?")
			.param(id.value())
			.query(Double.class)
			.single();
	}

	private double secondsUntilDue(JobId id) {
		return jdbc.sql("select extract(epoch from not_before - now()) from platform_job where id = ?")
			.param(id.value())
			.query(Double.class)
			.single();
	}
}
