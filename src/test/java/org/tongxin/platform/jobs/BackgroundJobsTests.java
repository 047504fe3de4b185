package org.tongxin.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.ThreadSignIn;

@PlatformTest
@Import(BackgroundJobsTests.Handlers.class)
class BackgroundJobsTests {

	@TestConfiguration
	static class Handlers {

		static final AtomicInteger flakyRuns = new AtomicInteger();

		@Bean
		JobHandler countLines() {
			return new JobHandler() {

				@Override
				public String kind() {
					return "test.count";
				}

				@Override
				public String followPermission() {
					return "people:read";
				}

				@Override
				public void run(JobContext context) throws Exception {
					String text;
					try (InputStream in = context.input("lines.txt")) {
						text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					}
					long lines = text.lines().count();
					context.progress("counting", lines, lines);
					context.output("count.txt", "text/plain",
							out -> out.write((context.scope().path() + ":" + lines).getBytes(StandardCharsets.UTF_8)));
					context.result(Map.of("lines", lines));
				}
			};
		}

		@Bean
		JobHandler flaky() {
			return new JobHandler() {

				@Override
				public String kind() {
					return "test.flaky";
				}

				@Override
				public void run(JobContext context) {
					if (flakyRuns.incrementAndGet() == 1) {
						throw new IllegalStateException("first attempt fails");
					}
				}
			};
		}

		/** Reports who the job runs as, and with which scope, as a request-bound facade would see them. */
		@Bean
		JobHandler whoAmI(CurrentUser currentUser) {
			return new JobHandler() {

				@Override
				public String kind() {
					return "test.whoami";
				}

				/** So that a colleague can see the job of an account that was disabled. */
				@Override
				public String followPermission() {
					return "people:write";
				}

				@Override
				public void run(JobContext context) {
					context.result(Map.of("username", currentUser.actor().username(), "scope",
							currentUser.scope().path(), "canWritePeople", currentUser.actor().can("people:write")));
				}
			};
		}

		@Bean
		JobHandler alwaysBroken() {
			return new JobHandler() {

				@Override
				public String kind() {
					return "test.alwaysBroken";
				}

				@Override
				public void run(JobContext context) {
					throw new IllegalStateException("connection reset by peer");
				}
			};
		}

		/** Reads its input, as a dry run does, and keeps it for a later job. */
		@Bean
		JobHandler keeper() {
			return new JobHandler() {

				@Override
				public String kind() {
					return "test.keep";
				}

				@Override
				public void run(JobContext context) throws Exception {
					try (InputStream in = context.input("lines.txt")) {
						context.result(Map.of("bytes", in.readAllBytes().length));
					}
					context.keepInputs(Duration.ofHours(24));
				}
			};
		}

		/** Copies its input into its scratch directory and says where that was. */
		@Bean
		JobHandler copier() {
			return new JobHandler() {

				@Override
				public String kind() {
					return "test.scratch";
				}

				@Override
				public void run(JobContext context) throws Exception {
					Path copy = context.scratch().resolve("copy");
					try (InputStream in = context.input("lines.txt")) {
						Files.copy(in, copy);
					}
					context.result(Map.of("copy", copy.toString(), "directory",
							PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.getParent()))));
				}
			};
		}

		/** Fails on a row, with the row's personal values in the message of the cause (as SQL errors carry them). */
		@Bean
		JobHandler rowFailure() {
			return new JobHandler() {

				@Override
				public String kind() {
					return "test.rowFailure";
				}

				@Override
				public void run(JobContext context) {
					throw new JobFailure("import.error.groupColumn",
							new IllegalStateException("row 7: 欧阳娜娜 110105198503050021 13812345678"));
				}
			};
		}

		@Bean
		JobHandler broken() {
			return new JobHandler() {

				@Override
				public String kind() {
					return "test.broken";
				}

				@Override
				public void run(JobContext context) {
					throw new JobFailure("jobs.error.inputMissing");
				}
			};
		}
	}

	@Autowired
	BackgroundJobs jobs;

	@Autowired
	JdbcClient jdbc;

	@RegisterExtension
	final ThreadSignIn signIn = new ThreadSignIn();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Jobs store;

	@Autowired
	FileStore files;

	@Autowired
	JobFiles jobFiles;

	/** Waits (30 s at most) until the job {@code id} has ended; {@link JobFailureLogTests} waits so too. */
	static Job await(BackgroundJobs jobs, JobId id) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			Job job = jobs.find(id).orElseThrow();
			if (job.status().finished()) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job " + id + " did not finish");
	}

	Job await(JobId id) throws InterruptedException {
		return await(jobs, id);
	}

	@Test
	void aJobRunsInItsOwnersScopeAndLeavesItsOutput() throws Exception {
		signIn.as("chengdu");
		JobId id = jobs.submit("test.count", Map.of("note", "测试"), List.of(new BackgroundJobs.Upload("lines.txt",
				"text/plain", new ByteArrayInputStream("一\n二\n三\n".getBytes(StandardCharsets.UTF_8)))));

		Job done = await(id);

		assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(done.percent()).isEqualTo(100);
		assertThat(done.result()).isEqualTo("{\"lines\":3}");
		StoredFile output = jobs.output(id, "count.txt").orElseThrow();
		try (InputStream in = jobs.open(output)) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("1.510000.510100:3");
		}

		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/jobs/{id}/progress", done.publicId()).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("已完成")
			.doesNotContain("hx-trigger");
		assertThat(mvc.get().uri("/jobs/{id}/progress", done.publicId()).session(SignIn.as(mvc, "shenzhen"))).hasStatus(404);

		signIn.as("shenzhen");
		assertThat(jobs.find(id)).isEmpty();
		assertThat(jobs.output(id, "count.txt")).isEmpty();
		signIn.as("sichuan");
		assertThat(jobs.find(id)).isPresent();
	}

	@Test
	void aFailedAttemptIsRetriedAndAPermanentFailureIsNot() throws Exception {
		signIn.as("shenzhen");
		Job flaky = await(jobs.submit("test.flaky", Map.of(), List.of()));
		assertThat(flaky.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(flaky.attempts()).isEqualTo(2);

		Job broken = await(jobs.submit("test.broken", Map.of(), List.of()));
		assertThat(broken.status()).isEqualTo(JobStatus.FAILED);
		assertThat(broken.attempts()).isEqualTo(1);
		assertThat(broken.error()).isEqualTo("jobs.error.inputMissing");
	}

	@Test
	void aJobWhoseProcessDiedIsRunAgain() throws Exception {
		signIn.as("chengdu");
		// As if a process had claimed it and been killed: RUNNING, a dead runner, no heartbeat for minutes.
		JobId id = new JobId(jdbc.sql("""
				insert into platform_job (kind, unit_id, owner, parameters, status, runner, attempts, started_at, heartbeat_at)
				select 'test.count', unit_id, username, '{}', 'RUNNING', 'dead', 1, now() - interval '6 minutes',
				       now() - interval '5 minutes' from platform_account where username = 'chengdu'
				returning id""").query(Long.class).single());
		store.addFile(id, "INPUT", "lines.txt", "text/plain",
				files.write(new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8))));

		Job again = await(id);

		assertThat(again.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(again.attempts()).isEqualTo(2);
		assertThat(again.result()).isEqualTo("{\"lines\":2}");
	}

	@Test
	void aJobRunsAsItsOwnerWithTheOwnersPermissionsAndScope() throws Exception {
		signIn.as("chengdu");
		Job done = await(jobs.submit("test.whoami", Map.of(), List.of()));
		assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(done.result()).contains("\"username\":\"chengdu\"")
			.contains("\"scope\":\"1.510000.510100\"")
			.contains("\"canWritePeople\":true");
		signIn.as("yuzhong");
		Job other = await(jobs.submit("test.whoami", Map.of(), List.of()));
		assertThat(other.result()).contains("\"username\":\"yuzhong\"").contains("500103");
	}

	@Test
	void aJobOfADisabledAccountFailsWithoutRunning() throws Exception {
		String username = "jobs_disabled_test";
		if (jdbc.sql("select count(*) from platform_account where username = ?").param(username).query(Long.class)
			.single() == 0) {
			long id = jdbc.sql("""
					insert into platform_account (username, display_name, unit_id, password_hash, enabled)
					select ?, '停用账号（测试）', unit_id, password_hash, false from platform_account where username = 'chengdu'
					returning id""").param(username).query(Long.class).single();
			jdbc.sql("""
					insert into platform_account_role (account_id, role)
					select ?, r.role from platform_account_role r join platform_account a on a.id = r.account_id
					where a.username = 'chengdu'""").param(id).update();
		}
		// As if signed in before the account was disabled: the job is queued, but its owner may no longer act.
		signIn.as(username);
		Job job = await(jobs.submit("test.whoami", Map.of(), List.of()));
		assertThat(job.status()).isEqualTo(JobStatus.FAILED);
		assertThat(job.attempts()).isEqualTo(1);
		assertThat(job.result()).isNull();
		assertThat(job.error()).isEqualTo("jobs.error.ownerUnavailable");

		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/jobs/{id}/progress", job.publicId()).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("提交任务的账号已停用、锁定或不存在，任务未执行");
	}

	@Test
	void aJobThatKeepsFailingShowsAPlainMessageNotTheExceptionText() throws Exception {
		signIn.as("chengdu");
		Job job = await(jobs.submit("test.alwaysBroken", Map.of(), List.of()));
		assertThat(job.status()).isEqualTo(JobStatus.FAILED);
		assertThat(job.attempts()).isEqualTo(JobRunner.MAX_ATTEMPTS);
		// The technical message stays with the job for the administrator; the page says what the user can do.
		assertThat(job.error()).isEqualTo("connection reset by peer");
		assertThat(mvc.get().uri("/jobs/{id}/progress", job.publicId()).session(SignIn.as(mvc, "chengdu")))
			.hasStatusOk()
			.bodyText()
			.contains("任务执行出错，已重试多次仍未成功")
			.doesNotContain("connection reset")
			.doesNotContain("??");
	}

	static final String CSV = "姓名,身份证号码,手机号码\n张三,510104198803057610,13912348832\n";

	BackgroundJobs.Upload upload(String text) {
		return new BackgroundJobs.Upload("lines.txt", "text/csv",
				new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	List<StoredFile> filesOf(JobId id) {
		return jdbc.sql("select * from platform_job_file where job_id = ? order by id")
			.param(id.value())
			.query((rs, n) -> new StoredFile(rs.getLong("id"), new JobId(rs.getLong("job_id")), rs.getString("purpose"),
					rs.getString("name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
					rs.getString("location")))
			.list();
	}

	Path onDisk(StoredFile file) {
		return files.root().resolve(file.location());
	}

	@Test
	void anUploadIsEncryptedOnDiskReadableOnlyByTheApplicationAndReadBackAsUploaded() throws Exception {
		signIn.as("chengdu");
		// A kind no runner handles: the job stays queued and its upload stays where it is.
		JobId id = jobs.submit("test.unhandled", Map.of(), List.of(upload(CSV)));

		StoredFile file = filesOf(id).getFirst();
		Path path = onDisk(file);
		byte[] bytes = Files.readAllBytes(path);
		assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("510104198803057610")
			.doesNotContain("13912348832");
		assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("张三").doesNotContain("姓名");
		assertThat(Files.getPosixFilePermissions(path)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		for (Path d = path.getParent(); d.startsWith(files.root()); d = d.getParent()) {
			assertThat(Files.getPosixFilePermissions(d)).as(d.toString())
				.isEqualTo(PosixFilePermissions.fromString("rwx------"));
		}
		assertThat(file.size()).isEqualTo(CSV.getBytes(StandardCharsets.UTF_8).length);
		try (InputStream in = jobs.open(file)) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CSV);
		}
		jobs.cancel(id);
	}

	@Test
	void aFileAlteredOnDiskIsRefused() throws Exception {
		signIn.as("chengdu");
		JobId id = jobs.submit("test.unhandled", Map.of(), List.of(upload(CSV)));
		StoredFile file = filesOf(id).getFirst();
		byte[] bytes = Files.readAllBytes(onDisk(file));
		bytes[bytes.length - 20] ^= 0x01;
		Files.write(onDisk(file), bytes);

		assertThatThrownBy(() -> {
			try (InputStream in = jobs.open(file)) {
				in.readAllBytes();
			}
		}).isInstanceOf(IOException.class).hasMessageContaining("altered");
		jobs.cancel(id);
	}

	@Test
	void theUploadIsDeletedOnceItsJobHasSucceededFailedOrBeenCancelled() throws Exception {
		signIn.as("chengdu");
		JobId succeeded = jobs.submit("test.count", Map.of(), List.of(upload(CSV)));
		JobId failed = jobs.submit("test.broken", Map.of(), List.of(upload(CSV)));
		JobId cancelled = jobs.submit("test.unhandled", Map.of(), List.of(upload(CSV)));
		Path[] uploads = { onDisk(filesOf(succeeded).getFirst()), onDisk(filesOf(failed).getFirst()),
				onDisk(filesOf(cancelled).getFirst()) };
		assertThat(uploads).allMatch(Files::exists);

		assertThat(await(succeeded).status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(await(failed).status()).isEqualTo(JobStatus.FAILED);
		assertThat(jobs.cancel(cancelled)).isTrue();

		// The runner deletes an ended job's upload right after it has written the job's end, not in the same
		// transaction: give it a moment on a busy machine.
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (java.util.Arrays.stream(uploads).anyMatch(Files::exists) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(uploads).noneMatch(Files::exists);
		assertThat(filesOf(succeeded)).extracting(StoredFile::purpose).containsExactly("OUTPUT");
		assertThat(filesOf(failed)).isEmpty();
		assertThat(filesOf(cancelled)).isEmpty();
	}

	@Test
	void anErrorReportIsDeletedOnceItsRetentionHasPassedAndAFreshOneIsKept() throws Exception {
		signIn.as("chengdu");
		JobId old = jobs.submit("test.count", Map.of(), List.of(upload("a\n")));
		JobId fresh = jobs.submit("test.count", Map.of(), List.of(upload("b\n")));
		await(old);
		await(fresh);
		StoredFile oldReport = jobs.output(old, "count.txt").orElseThrow();
		StoredFile freshReport = jobs.output(fresh, "count.txt").orElseThrow();
		jdbc.sql("update platform_job_file set created_at = now() - interval '31 days' where id = ?")
			.param(oldReport.id())
			.update();

		jobFiles.sweep();

		assertThat(Files.exists(onDisk(oldReport))).isFalse();
		assertThat(jobs.output(old, "count.txt")).isEmpty();
		assertThat(Files.exists(onDisk(freshReport))).isTrue();
		assertThat(jobs.output(fresh, "count.txt")).isPresent();
	}

	@Test
	void theStartupMigrationEncryptsOldFilesStillNeededAndDeletesTheOthers() throws Exception {
		signIn.as("chengdu");
		JobId queued = jobs.submit("test.unhandled", Map.of(), List.of(upload("x")));
		JobId ended = jobs.submit("test.unhandled", Map.of(), List.of(upload("y")));
		StoredFile needed = filesOf(queued).getFirst();
		StoredFile unneeded = filesOf(ended).getFirst();
		// Files as the version before wrote them: in clear, 0644.
		Files.writeString(onDisk(needed), CSV);
		Files.setPosixFilePermissions(onDisk(needed), PosixFilePermissions.fromString("rw-r--r--"));
		Files.writeString(onDisk(unneeded), CSV);
		jdbc.sql("update platform_job set status = 'SUCCEEDED', finished_at = now() where id = ?")
			.param(ended.value())
			.update();
		Path orphan = files.root().resolve("2025/01/" + java.util.UUID.randomUUID());
		Files.createDirectories(orphan.getParent());
		Files.writeString(orphan, CSV);
		Files.setLastModifiedTime(orphan, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofDays(2))));

		JobFiles.Migrated migrated = jobFiles.migrate();

		assertThat(migrated.encrypted()).isGreaterThanOrEqualTo(1);
		assertThat(migrated.deleted()).isGreaterThanOrEqualTo(2);
		byte[] bytes = Files.readAllBytes(onDisk(needed));
		assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("510104198803057610");
		assertThat(Files.getPosixFilePermissions(onDisk(needed))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		try (InputStream in = jobs.open(needed)) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CSV);
		}
		assertThat(Files.exists(onDisk(unneeded))).isFalse();
		assertThat(Files.exists(orphan)).isFalse();
		assertThat(Files.getPosixFilePermissions(orphan.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));

		// Run again: nothing is encrypted twice.
		JobFiles.Migrated again = jobFiles.migrate();
		try (InputStream in = jobs.open(needed)) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CSV);
		}
		assertThat(again.encrypted()).isZero();
		jobs.cancel(queued);
	}

	@Test
	void aKeptUploadServesOneLaterJobOfTheScopeAndIsDeletedWhenThatJobEnds() throws Exception {
		signIn.as("chengdu");
		JobId dryRun = jobs.submit("test.keep", Map.of(), List.of(upload(CSV)));
		assertThat(await(dryRun).status()).isEqualTo(JobStatus.SUCCEEDED);
		Path kept = onDisk(filesOf(dryRun).getFirst());
		assertThat(kept).exists();
		assertThat(jobs.keeps(dryRun, "lines.txt")).isTrue();

		signIn.as("shenzhen");
		assertThat(jobs.submitFrom(dryRun, "lines.txt", "test.count", Map.of())).isEmpty();

		signIn.as("chengdu");
		JobId real = jobs.submitFrom(dryRun, "lines.txt", "test.count", Map.of()).orElseThrow();
		assertThat(jobs.submitFrom(dryRun, "lines.txt", "test.count", Map.of())).isEmpty();
		Job done = await(real);

		assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(done.result()).isEqualTo("{\"lines\":2}");
		assertThat(kept).doesNotExist();
		assertThat(filesOf(dryRun)).isEmpty();
	}

	@Test
	void aKeptUploadIsDeletedOnceItsTimeHasPassed() throws Exception {
		signIn.as("chengdu");
		JobId dryRun = jobs.submit("test.keep", Map.of(), List.of(upload(CSV)));
		await(dryRun);
		Path kept = onDisk(filesOf(dryRun).getFirst());
		jdbc.sql("update platform_job_file set keep_until = now() - interval '1 minute' where job_id = ?")
			.param(dryRun.value())
			.update();

		assertThat(jobs.keeps(dryRun, "lines.txt")).isFalse();
		jobFiles.sweep();

		assertThat(kept).doesNotExist();
		assertThat(jobs.submitFrom(dryRun, "lines.txt", "test.count", Map.of())).isEmpty();
	}

	@Test
	void aJobsWorkingCopiesLiveInAPrivateScratchDirectoryThatGoesWithTheRunOrAfterACrash() throws Exception {
		signIn.as("chengdu");
		Job done = await(jobs.submit("test.scratch", Map.of(), List.of(upload(CSV))));
		assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
		String copy = (String) com.jayway.jsonpath.JsonPath.read(done.result(), "$.copy");
		assertThat(Path.of(copy).startsWith(files.root().resolve("scratch"))).isTrue();
		assertThat(Path.of(copy)).doesNotExist();
		assertThat(Path.of(copy).getParent()).doesNotExist();
		assertThat((String) com.jayway.jsonpath.JsonPath.read(done.result(), "$.directory")).isEqualTo("rwx------");

		// What a killed run left behind: its job has ended (or was requeued) since.
		Path left = files.scratch(done.id());
		Files.writeString(left.resolve("input"), CSV);
		jobFiles.sweep();
		assertThat(left).doesNotExist();
	}
}
