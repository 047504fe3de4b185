package org.tongxin.platform.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.Units;
import tools.jackson.databind.json.JsonMapper;

/**
 * Polls the queue and runs jobs on virtual threads, a few at a time. Every poll beats the heart of the
 * jobs this process runs; jobs whose process died (no beat for a while) return to the queue and are run
 * again from the start, up to {@code MAX_ATTEMPTS} times.
 */
@Component
class JobRunner {

	static final int MAX_ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	private static final java.util.regex.Pattern MESSAGE_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]+");

	private final String runner = UUID.randomUUID().toString();

	private final Jobs jobs;

	private final FileStore files;

	private final JobFiles jobFiles;

	private final Units units;

	private final JsonMapper json;

	private final Map<String, JobHandler> handlers;

	private final UserDetailsService accounts;

	private final Duration abandonedAfter;

	private final Semaphore slots;

	/** The waits before a failed job's second, third… attempt. */
	private final List<Duration> backoff;

	private final JobMetrics metrics;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	/** The jobs this runner's workers are running now: the only ones its heartbeat keeps alive. */
	private final Set<JobId> inHand = ConcurrentHashMap.newKeySet();

	JobRunner(Jobs jobs, FileStore files, JobFiles jobFiles, Units units, JsonMapper json, List<JobHandler> handlers,
			UserDetailsService accounts,
			@Value("${tongxin.jobs.abandoned-after:30s}") Duration abandonedAfter,
			@Value("${tongxin.jobs.concurrency:2}") int concurrency,
			@Value("${tongxin.jobs.retry-backoff:10s,1m,5m}") List<Duration> backoff, JobMetrics metrics) {
		this.metrics = metrics;
		this.backoff = List.copyOf(backoff);
		this.jobs = jobs;
		this.files = files;
		this.jobFiles = jobFiles;
		this.units = units;
		this.json = json;
		this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
		this.accounts = accounts;
		this.abandonedAfter = abandonedAfter;
		this.slots = new Semaphore(concurrency);
		// The runner's id is what platform_job.runner names: with several nodes, which node runs a job.
		log.info("Job runner {} takes jobs of {}, {} at a time", runner, this.handlers.keySet(), concurrency);
	}

	@Scheduled(fixedDelayString = "${tongxin.jobs.poll:1s}")
	void poll() {
		if (handlers.isEmpty()) {
			return;
		}
		jobs.heartbeat(runner, Set.copyOf(inHand));
		jobs.requeueAbandoned(abandonedAfter, MAX_ATTEMPTS, backoff);
		while (slots.tryAcquire()) {
			var claimed = jobs.claim(runner, List.copyOf(handlers.keySet()), MAX_ATTEMPTS);
			if (claimed.isEmpty()) {
				slots.release();
				return;
			}
			Job job = claimed.get();
			inHand.add(job.id());
			executor.submit(() -> {
				try {
					execute(job);
				}
				finally {
					inHand.remove(job.id());
					slots.release();
				}
			});
		}
	}

	/**
	 * Runs the job as its owner: the handler finds the owner's account through {@link org.tongxin.platform.CurrentUser},
	 * as a request would. Jobs act with the permissions and the data scope their owner has when the job runs, not
	 * when it was submitted: an account disabled, locked or deleted in between runs nothing more, and a permission
	 * withdrawn in between is withdrawn from its queued jobs too.
	 */
	void execute(Job job) {
		Context context = new Context(job);
		// Every log line of the run names its job.
		org.slf4j.MDC.put("requestId", "job-" + job.id().value());
		try {
			SecurityContext security = SecurityContextHolder.createEmptyContext();
			security.setAuthentication(owner(job));
			SecurityContextHolder.setContext(security);
			handlers.get(job.kind()).run(context);
			ended(job, () -> jobs.finish(job.id(), JobStatus.SUCCEEDED, context.result, null));
			metrics.finished(job.kind(), JobStatus.SUCCEEDED);
		}
		catch (JobFailure e) {
			log.warn("Job {} ({}) failed: {}", job.id().value(), job.kind(), causes(e));
			ended(job, () -> jobs.finish(job.id(), JobStatus.FAILED, context.result, e.getMessage()));
			metrics.finished(job.kind(), JobStatus.FAILED);
		}
		catch (Exception e) {
			log.warn("Job {} ({}) failed on attempt {} of {}: {}", job.id().value(), job.kind(), job.attempts(),
					MAX_ATTEMPTS, causes(e));
			ended(job, () -> jobs.retry(job.id(), String.valueOf(e.getMessage()), MAX_ATTEMPTS, backoff));
			metrics.finished(job.kind(), JobStatus.FAILED);
		}
		finally {
			org.slf4j.MDC.remove("requestId");
			SecurityContextHolder.clearContext();
			context.dropScratch();
			// An ended job's upload goes at once (it holds personal data); a job that will be retried keeps it.
			jobFiles.ended(job.id());
		}
	}

	/**
	 * Records how a job ended. When that write fails (the database is down), the job stays RUNNING with no
	 * heartbeat (its worker is gone from {@link #inHand}); once the database is back, the abandoned-job sweep of
	 * any runner returns it to the queue, and its next attempt starts over (imports are one transaction: nothing of
	 * the failed attempt stayed).
	 */
	private static void ended(Job job, Runnable record) {
		try {
			record.run();
		}
		catch (RuntimeException e) {
			log.warn("Job {} ({}): its end could not be recorded, it goes back to the queue when the database answers"
					+ " again: {}", job.id().value(), job.kind(), causes(e));
		}
	}

	/**
	 * The chain of causes for the log, without their messages: those of a job's exceptions may carry the values of
	 * the row it was reading (a name, an ID number in a constraint violation). Message keys of {@link JobFailure}
	 * are ours and safe; where it happened is told by the first frame of ours in the innermost cause.
	 */
	static String causes(Throwable failure) {
		StringBuilder text = new StringBuilder();
		Throwable innermost = failure;
		for (Throwable e = failure; e != null; e = e.getCause()) {
			if (!text.isEmpty()) {
				text.append(" <- ");
			}
			text.append(e.getClass().getName());
			if (e instanceof JobFailure && e.getMessage() != null && MESSAGE_KEY.matcher(e.getMessage()).matches()) {
				text.append('(').append(e.getMessage()).append(')');
			}
			innermost = e;
			if (e.getCause() == e) {
				break;
			}
		}
		for (StackTraceElement frame : innermost.getStackTrace()) {
			if (frame.getClassName().startsWith("org.tongxin.")) {
				text.append(" at ").append(frame);
				break;
			}
		}
		return text.toString();
	}

	/** The owner's account, signed in; a job whose owner may no longer sign in fails without running. */
	private UsernamePasswordAuthenticationToken owner(Job job) {
		UserDetails account;
		try {
			account = accounts.loadUserByUsername(job.owner());
		}
		catch (UsernameNotFoundException e) {
			throw new JobFailure("jobs.error.ownerUnavailable", e);
		}
		if (!account.isEnabled() || !account.isAccountNonLocked()) {
			throw new JobFailure("jobs.error.ownerUnavailable");
		}
		if (account instanceof org.springframework.security.core.CredentialsContainer credentials) {
			credentials.eraseCredentials();
		}
		return UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

	private final class Context implements JobContext {

		private final Job job;

		private final DataScope scope;

		private @Nullable String result;

		private Instant lastCancelCheck = Instant.EPOCH;

		private boolean cancelled;

		private java.nio.file.@Nullable Path scratch;

		Context(Job job) {
			this.job = job;
			this.scope = new DataScope(job.unit(), units.get(job.unit()).path());
		}

		@Override
		public Job job() {
			return job;
		}

		@Override
		public DataScope scope() {
			return scope;
		}

		@Override
		public <T> T parameters(Class<T> type) {
			return json.readValue(job.parameters() == null ? "{}" : job.parameters(), type);
		}

		@Override
		public void progress(String phase, long done, @Nullable Long total) {
			jobs.progress(job.id(), phase, done, total);
		}

		@Override
		public InputStream input(String name) throws IOException {
			StoredFile file = jobs.file(job.id(), "INPUT", name)
				.orElseThrow(() -> new JobFailure("jobs.error.inputMissing"));
			return files.open(file.location());
		}

		@Override
		public void output(String name, String contentType, OutputWriter writer) throws IOException {
			jobs.addFile(job.id(), "OUTPUT", name, contentType, files.write(writer));
		}

		@Override
		public void result(Object summary) {
			this.result = json.writeValueAsString(summary);
		}

		@Override
		public java.nio.file.Path scratch() throws IOException {
			if (scratch == null) {
				scratch = files.scratch(job.id());
			}
			return scratch;
		}

		void dropScratch() {
			if (scratch != null) {
				try {
					FileStore.deleteTree(scratch);
				}
				catch (IOException e) {
					log.warn("Could not delete the scratch directory of job {}; the cleanup will: {}", job.id(), e.toString());
				}
			}
		}

		@Override
		public void keepInputs(Duration duration) {
			jobs.keepInputs(job.id(), Instant.now().plus(duration));
		}

		@Override
		public boolean cancelled() {
			// Asked often from tight loops; the database is asked at most once a second.
			if (!cancelled && Instant.now().isAfter(lastCancelCheck.plusSeconds(1))) {
				lastCancelCheck = Instant.now();
				cancelled = jobs.status(job.id()) == JobStatus.CANCELLED;
			}
			return cancelled;
		}
	}
}
