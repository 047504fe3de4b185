package org.tongxin.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.tongxin.people.imports.ImportMode;
import org.tongxin.people.imports.PeopleImports;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.jobs.JobStatus;

/**
 * The embedded PostgreSQL is killed (SIGKILL of the postmaster) while an import runs: health says DOWN and pages
 * answer 503 with the readable message at once; the supervisor starts the server again; the import, whose
 * failed attempt could not even be recorded, goes back to the queue and ends once, with every row exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tongxin.jobs.abandoned-after=3s" })
@DirtiesContext
class EmbeddedDatabaseRecoveryTests {

	static final int ROWS = 40_000;

	@Autowired
	EmbeddedServer server;

	@Autowired
	EmbeddedSupervisor supervisor;

	@Autowired
	PeopleImports imports;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theServerKilledDuringAnImportIsRestartedAndTheImportEndsOnceWithEveryRowOnce() throws Exception {
		SignIn.onThisThread(users, "chengdu");
		String prefix = "恢" + (UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4));
		List<String> lines = new ArrayList<>();
		lines.add("姓名,性别,类别,所在城市");
		for (int i = 0; i < ROWS; i++) {
			lines.add(prefix + i + ",女,自由职业人员,成都市");
		}
		UUID id = imports.submit("recovery.csv", "text/csv",
				new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), ImportMode.SKIP,
				false);
		await(Duration.ofSeconds(60), () -> imports.find(id).orElseThrow().job().status() == JobStatus.RUNNING);

		long postmaster = Long.parseLong(Files.readAllLines(server.dataDirectory().resolve("postmaster.pid")).getFirst());
		ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
		await(Duration.ofSeconds(10), () -> !supervisor.available());

		assertThat(get("/actuator/health", "application/json").statusCode()).isEqualTo(503);
		HttpResponse<String> page = get("/people", "text/html");
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Retry-After")).contains("10");
		assertThat(page.body()).contains("数据库无法连接").doesNotContain("Exception").doesNotContain("PSQL");
		HttpResponse<String> api = get("/api/v1/people", "application/json");
		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));

		await(Duration.ofSeconds(120), supervisor::available);
		assertThat(get("/actuator/health", "application/json").statusCode()).isEqualTo(200);
		await(Duration.ofSeconds(180), () -> imports.find(id).orElseThrow().job().status().finished());

		PeopleImports.ImportJob done = imports.find(id).orElseThrow();
		assertThat(done.job().status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(done.job().attempts()).isGreaterThanOrEqualTo(2);
		assertThat(jdbc.sql("select count(*) from people_person where name like ?").param(prefix + "%")
			.query(Long.class)
			.single()).isEqualTo(ROWS);
		assertThat(jdbc.sql("select count(distinct name) from people_person where name like ?").param(prefix + "%")
			.query(Long.class)
			.single()).isEqualTo(ROWS);
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
			.header("Accept-Language", "zh-CN").timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** Waits for {@code condition}, asking again while the database cannot answer it. */
	private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(limit);
		while (Instant.now().isBefore(deadline)) {
			try {
				if (condition.getAsBoolean()) {
					return;
				}
			}
			catch (RuntimeException e) {
				// The database is down or coming back: ask again.
			}
			Thread.sleep(100);
		}
		throw new AssertionError("not within " + limit);
	}
}
