package org.tongxin.platform.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.PageCursor;
import org.tongxin.platform.UnitId;

/** The job queue and its files. */
@Repository
class Jobs {

	private final JdbcClient jdbc;

	Jobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	JobId insert(String kind, UnitId unit, String owner, @Nullable String parameters) {
		return new JobId(jdbc.sql("""
				insert into platform_job (kind, unit_id, owner, parameters) values (?, ?, ?, ?) returning id""")
			.params(kind, unit.value(), owner, parameters)
			.query(Long.class)
			.single());
	}

	Optional<Job> find(JobId id) {
		return jdbc.sql("select * from platform_job where id = ?").param(id.value()).query(Jobs::map).optional();
	}

	/**
	 * Who may see a job: within the data scope, its owner, and accounts holding the permission with which the
	 * job's kind may be followed ({@code followedKinds}).
	 */
	record Viewer(DataScope scope, String username, List<String> followedKinds) {

		String restrict() {
			return scope.restrict("j.unit_id") + " and (j.owner = :viewer or j.kind in (:followed))";
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			// "in ()" is not SQL: an empty list becomes a kind no job has.
			return scope.bind(spec)
				.param("viewer", username)
				.param("followed", followedKinds.isEmpty() ? List.of("") : followedKinds);
		}
	}

	Optional<Job> find(Viewer viewer, JobId id) {
		return viewer.bind(jdbc.sql("select * from platform_job j where j.id = :id and " + viewer.restrict()))
			.param("id", id.value())
			.query(Jobs::map)
			.optional();
	}

	Optional<Job> find(Viewer viewer, UUID publicId) {
		return viewer.bind(jdbc.sql("select * from platform_job j where j.public_id = :id and " + viewer.restrict()))
			.param("id", publicId)
			.query(Jobs::map)
			.optional();
	}

	/** Newest first, keyset on (created_at, public_id): the numeric id would tell how many jobs exist. */
	List<Job> recent(Viewer viewer, String kind, @Nullable PageCursor before, int size) {
		return viewer.bind(jdbc.sql("select * from platform_job j where j.kind = :kind and " + viewer.restrict()
				+ " and (cast(:beforeAt as timestamptz) is null or (j.created_at, j.public_id) < (:beforeAt, :beforeId))"
				+ " order by j.created_at desc, j.public_id desc limit :size"))
			.param("kind", kind)
			.param("beforeAt", before == null ? null : Timestamp.from(before.at()))
			.param("beforeId", before == null ? null : before.id())
			.param("size", size)
			.query(Jobs::map)
			.list();
	}

	/** Takes the oldest queued job of the given kinds for this runner; skip locked lets several nodes poll. */
	Optional<Job> claim(String runner, List<String> kinds, int maxAttempts) {
		return jdbc.sql("""
				update platform_job set status = 'RUNNING', runner = :runner, attempts = attempts + 1,
				       started_at = now(), heartbeat_at = now(), done = 0, total = null, phase = null, error = null
				where id = (select id from platform_job
				            where status = 'QUEUED' and kind in (:kinds) and attempts < :max
				              and (not_before is null or not_before <= now())
				            order by id for update skip locked limit 1)
				returning *""")
			.param("runner", runner)
			.param("kinds", kinds)
			.param("max", maxAttempts)
			.query(Jobs::map)
			.optional();
	}

	/**
	 * Jobs whose runner stopped beating go back to the queue (after the back-off of their attempt), or fail once
	 * they have used up their attempts. A runner stops beating for a job when its process died, and when the job's
	 * worker ended but could not record how (the database was down): then the job is picked up here once the
	 * database is back.
	 */
	int requeueAbandoned(Duration silence, int maxAttempts, List<Duration> backoff) {
		return waits(jdbc.sql("""
				update platform_job
				   set status = case when attempts >= :max then 'FAILED' else 'QUEUED' end,
				       error = case when attempts >= :max then 'jobs.error.abandoned' else error end,
				       finished_at = case when attempts >= :max then now() else finished_at end,
				       not_before = now() + %s,
				       runner = null
				 where status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :seconds)"""
			.formatted(BACKOFF)), backoff)
			.param("max", maxAttempts)
			.param("seconds", silence.toSeconds())
			.update();
	}

	/**
	 * Marks the jobs {@code runner} is working on as alive: only those in hand, not every job that names the
	 * runner, so that a job whose worker has ended without recording its end stops being kept alive.
	 */
	void heartbeat(String runner, Collection<JobId> inHand) {
		if (inHand.isEmpty()) {
			return;
		}
		jdbc.sql("update platform_job set heartbeat_at = now() where status = 'RUNNING' and runner = :runner"
				+ " and id in (:ids)")
			.param("runner", runner)
			.param("ids", inHand.stream().map(JobId::value).toList())
			.update();
	}

	void progress(JobId id, String phase, long done, @Nullable Long total) {
		jdbc.sql("update platform_job set phase = ?, done = ?, total = ?, heartbeat_at = now() where id = ?")
			.params(phase, done, total, id.value())
			.update();
	}

	void finish(JobId id, JobStatus status, @Nullable String result, @Nullable String error) {
		jdbc.sql("""
				update platform_job set status = ?, result = coalesce(?, result), error = ?, finished_at = now(), runner = null
				where id = ? and status = 'RUNNING'""")
			.params(status.name(), result, error, id.value())
			.update();
	}

	/**
	 * The wait before a job's next attempt, by the attempts made: the first of {@code backoff} after the first
	 * attempt, the second after the second, the last after any later one (tongxin.jobs.retry-backoff).
	 */
	static final String BACKOFF = """
			make_interval(secs => case when attempts <= 1 then :wait1 when attempts = 2 then :wait2 else :wait3 end)""";

	private static JdbcClient.StatementSpec waits(JdbcClient.StatementSpec statement, List<Duration> backoff) {
		return statement.param("wait1", seconds(backoff, 0)).param("wait2", seconds(backoff, 1)).param("wait3", seconds(backoff, 2));
	}

	private static double seconds(List<Duration> backoff, int index) {
		return backoff.isEmpty() ? 0 : backoff.get(Math.min(index, backoff.size() - 1)).toMillis() / 1000.0;
	}

	/**
	 * A failure that may succeed when run again: back to the queue while attempts remain, to be claimed again
	 * after the back-off ({@link #BACKOFF}).
	 */
	void retry(JobId id, String error, int maxAttempts, List<Duration> backoff) {
		waits(jdbc.sql("""
				update platform_job
				   set status = case when attempts >= :max then 'FAILED' else 'QUEUED' end, error = :error,
				       finished_at = case when attempts >= :max then now() end, runner = null,
				       not_before = now() + %s
				 where id = :id and status = 'RUNNING'""".formatted(BACKOFF)), backoff)
			.param("max", maxAttempts)
			.param("error", error)
			.param("id", id.value())
			.update();
	}

	boolean cancel(Viewer viewer, JobId id) {
		return viewer.bind(jdbc.sql("update platform_job j set status = 'CANCELLED', finished_at = now() where j.id = :id"
				+ " and j.status in ('QUEUED', 'RUNNING') and " + viewer.restrict()))
			.param("id", id.value())
			.update() == 1;
	}

	JobStatus status(JobId id) {
		return JobStatus.valueOf(jdbc.sql("select status from platform_job where id = ?").param(id.value())
			.query(String.class)
			.single());
	}

	void addFile(JobId job, String purpose, String name, String contentType, FileStore.Stored stored) {
		jdbc.sql("""
				insert into platform_job_file (job_id, purpose, name, content_type, size, sha256, location)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (job_id, purpose, name) do update
				   set content_type = excluded.content_type, size = excluded.size, sha256 = excluded.sha256,
				       location = excluded.location, created_at = now()""")
			.params(job.value(), purpose, name, contentType, stored.size(), stored.sha256(), stored.location())
			.update();
	}

	Optional<StoredFile> file(JobId job, String purpose, String name) {
		return jdbc.sql("select * from platform_job_file where job_id = ? and purpose = ? and name = ?")
			.params(job.value(), purpose, name)
			.query((rs, n) -> new StoredFile(rs.getLong("id"), new JobId(rs.getLong("job_id")), rs.getString("purpose"),
					rs.getString("name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
					rs.getString("location")))
			.optional();
	}

	/** Keeps the job's inputs after it has ended, until then (a dry run's upload, for the real run). */
	void keepInputs(JobId job, Instant until) {
		jdbc.sql("update platform_job_file set keep_until = ? where job_id = ? and purpose = 'INPUT'")
			.params(java.sql.Timestamp.from(until), job.value())
			.update();
	}

	/**
	 * Files no longer needed: the inputs of ended jobs (kept ones only while the job succeeded and the time
	 * has not passed), and outputs older than the retention. {@code job} narrows it to one job's inputs.
	 */
	List<StoredFile> unneeded(@Nullable JobId job, java.time.Duration outputRetention) {
		return jdbc.sql("""
				select f.* from platform_job_file f join platform_job j on j.id = f.job_id
				where (cast(:job as bigint) is null or f.job_id = :job)
				  and ((f.purpose = 'INPUT' and j.status in ('SUCCEEDED', 'FAILED', 'CANCELLED')
				        and (j.status <> 'SUCCEEDED' or f.keep_until is null or f.keep_until < now()))
				    or (cast(:job as bigint) is null and f.purpose = 'OUTPUT'
				        and f.created_at < now() - make_interval(secs => :seconds)))
				order by f.id""")
			.param("job", job == null ? null : job.value())
			.param("seconds", outputRetention.toSeconds())
			.query(Jobs::file)
			.list();
	}

	boolean running(JobId job) {
		return jdbc.sql("select count(*) from platform_job where id = ? and status = 'RUNNING'")
			.param(job.value())
			.query(Long.class)
			.single() > 0;
	}

	void deleteFile(long id) {
		jdbc.sql("delete from platform_job_file where id = ?").param(id).update();
	}

	/** Every file the store should hold, by location. */
	java.util.Set<String> locations() {
		return new java.util.HashSet<>(jdbc.sql("select location from platform_job_file").query(String.class).list());
	}

	/** A kept input of a succeeded job of the scope, still within its time. */
	Optional<StoredFile> keptInput(Viewer viewer, JobId job, String name) {
		return viewer.bind(jdbc.sql("""
				select f.* from platform_job_file f join platform_job j on j.id = f.job_id
				where f.job_id = :job and f.purpose = 'INPUT' and f.name = :name and j.status = 'SUCCEEDED'
				  and f.keep_until > now() and %s""".formatted(viewer.restrict())))
			.param("job", job.value())
			.param("name", name)
			.query(Jobs::file)
			.optional();
	}

	/** Hands a kept input over to another job, which then owns it (and deletes it when it ends). */
	boolean moveInput(StoredFile file, JobId to) {
		return jdbc.sql("""
				update platform_job_file set job_id = ?, keep_until = null where id = ? and keep_until > now()""")
			.params(to.value(), file.id())
			.update() == 1;
	}

	private static StoredFile file(ResultSet rs, int row) throws SQLException {
		return new StoredFile(rs.getLong("id"), new JobId(rs.getLong("job_id")), rs.getString("purpose"),
				rs.getString("name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
				rs.getString("location"));
	}

	private static Job map(ResultSet rs, int row) throws SQLException {
		long total = rs.getLong("total");
		Long totalOrNull = rs.wasNull() ? null : total;
		return new Job(new JobId(rs.getLong("id")), rs.getObject("public_id", UUID.class), rs.getString("kind"), new UnitId(rs.getLong("unit_id")),
				rs.getString("owner"), JobStatus.valueOf(rs.getString("status")), rs.getString("parameters"),
				rs.getString("phase"), rs.getLong("done"), totalOrNull, rs.getString("result"), rs.getString("error"),
				rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("finished_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
