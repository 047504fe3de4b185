package org.tongxin.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

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

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvcTester mvc;

	void signIn(String username) {
		SignIn.onThisThread(users, username);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	Job await(JobId id) throws InterruptedException {
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

	@Test
	void aJobRunsInItsOwnersScopeAndLeavesItsOutput() throws Exception {
		signIn("chengdu");
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
		assertThat(mvc.get().uri("/jobs/{id}/progress", id.value()).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("已完成")
			.doesNotContain("hx-trigger");
		assertThat(mvc.get().uri("/jobs/{id}/progress", id.value()).session(SignIn.as(mvc, "shenzhen"))).hasStatus(404);

		signIn("shenzhen");
		assertThat(jobs.find(id)).isEmpty();
		assertThat(jobs.output(id, "count.txt")).isEmpty();
		signIn("sichuan");
		assertThat(jobs.find(id)).isPresent();
	}

	@Test
	void aFailedAttemptIsRetriedAndAPermanentFailureIsNot() throws Exception {
		signIn("shenzhen");
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
		signIn("chengdu");
		JobId id = jobs.submit("test.count", Map.of(), List.of(new BackgroundJobs.Upload("lines.txt", "text/plain",
				new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8)))));
		await(id);
		// As if a process had claimed it and been killed: RUNNING, a dead runner, no heartbeat for minutes.
		jdbc.sql("""
				update platform_job set status = 'RUNNING', runner = 'dead', result = null, finished_at = null,
				       heartbeat_at = now() - interval '5 minutes' where id = ?""").param(id.value()).update();

		Job again = await(id);

		assertThat(again.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(again.attempts()).isEqualTo(2);
		assertThat(again.result()).isEqualTo("{\"lines\":2}");
	}

	@Test
	void aJobRunsAsItsOwnerWithTheOwnersPermissionsAndScope() throws Exception {
		signIn("chengdu");
		Job done = await(jobs.submit("test.whoami", Map.of(), List.of()));
		assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(done.result()).contains("\"username\":\"chengdu\"")
			.contains("\"scope\":\"1.510000.510100\"")
			.contains("\"canWritePeople\":true");
		signIn("yuzhong");
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
		signIn(username);
		Job job = await(jobs.submit("test.whoami", Map.of(), List.of()));
		assertThat(job.status()).isEqualTo(JobStatus.FAILED);
		assertThat(job.attempts()).isEqualTo(1);
		assertThat(job.result()).isNull();
		assertThat(job.error()).isEqualTo("jobs.error.ownerUnavailable");

		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/jobs/{id}/progress", job.id().value()).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("提交任务的账号已停用、锁定或不存在，任务未执行");
	}

	@Test
	void aJobThatKeepsFailingShowsAPlainMessageNotTheExceptionText() throws Exception {
		signIn("chengdu");
		Job job = await(jobs.submit("test.alwaysBroken", Map.of(), List.of()));
		assertThat(job.status()).isEqualTo(JobStatus.FAILED);
		assertThat(job.attempts()).isEqualTo(JobRunner.MAX_ATTEMPTS);
		// The technical message stays with the job for the administrator; the page says what the user can do.
		assertThat(job.error()).isEqualTo("connection reset by peer");
		assertThat(mvc.get().uri("/jobs/{id}/progress", job.id().value()).session(SignIn.as(mvc, "chengdu")))
			.hasStatusOk()
			.bodyText()
			.contains("任务执行出错，已重试多次仍未成功")
			.doesNotContain("connection reset")
			.doesNotContain("??");
	}
}
