package org.tongxin.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.deployment.ExternalDatabaseDeploymentTests.PASSWORD;
import static org.tongxin.deployment.ExternalDatabaseDeploymentTests.list;
import static org.tongxin.deployment.ExternalDatabaseDeploymentTests.single;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes of one installation on one external PostgreSQL (decision 0013): sessions in the database, jobs
 * claimed once ({@code for update skip locked}), scheduled work under ShedLock's locks, the audit chain
 * appended by both under its advisory lock, job files in a folder both nodes reach.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesDeploymentTests {

	static final int IMPORTS = 20;

	static final int ROWS = 2000;

	final JsonMapper json = JsonMapper.builder().build();

	ExternalServer.Database database;

	TongxinNode a;

	TongxinNode b;

	@BeforeAll
	void start(@TempDir Path work) throws Exception {
		database = ExternalServer.fromEnvironment().createDatabase("nodes");
		Path files = Files.createDirectories(work.resolve("shared-files"));
		// One after the other: the first migrates and seeds, the second finds both done.
		a = TongxinNode.start("node-a", database, work, files, Map.of());
		b = TongxinNode.start("node-b", database, work, files, Map.of());
	}

	@AfterAll
	void stop() throws Exception {
		for (TongxinNode node : new TongxinNode[] { a, b }) {
			if (node != null) {
				node.close();
			}
		}
		if (database != null) {
			database.close();
		}
	}

	@Test
	@Order(1)
	void aSessionSignedInOnOneNodeGoesOnOnTheOtherAndSignsOutEverywhere() throws Exception {
		WebSession onA = WebSession.signIn(a.base(), "chengdu", PASSWORD);
		WebSession onB = onA.at(b.base());

		HttpResponse<String> page = onB.get("/people");
		assertThat(page.statusCode()).as("node B answers node A's session").isEqualTo(200);
		assertThat(page.body()).contains("成都");
		assertThat(onB.get("/api/v1/people?size=5").statusCode()).isEqualTo(200);
		try (Connection db = database.connect()) {
			assertThat(Integer.parseInt(single(db,
					"select count(*) from platform_session where principal_name = 'chengdu'"))).isPositive();
		}

		// A POST with the session's CSRF token, made on B, from a page A served.
		HttpResponse<String> upload = onB.upload("/api/v1/people/imports", "tiny.csv",
				"姓名,性别,类别,所在城市\n两节点甲,女,自由职业人员,成都市".getBytes(StandardCharsets.UTF_8), "dryRun", "true");
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);

		assertThat(onB.signOut().statusCode()).isEqualTo(302);
		assertThat(onA.get("/people").statusCode()).as("signed out on B, signed out on A").isEqualTo(302);
	}

	@Test
	@Order(2)
	void aPasswordResetOnOneNodeEndsTheAccountsSessionOnTheOther() throws Exception {
		WebSession shenzhenOnA = WebSession.signIn(a.base(), "shenzhen", PASSWORD);
		assertThat(shenzhenOnA.get("/people").statusCode()).isEqualTo(200);
		String id;
		try (Connection db = database.connect()) {
			id = single(db, "select id::text from platform_account where username = 'shenzhen'");
		}

		WebSession securityAdminOnB = WebSession.signIn(b.base(), "secadmin", PASSWORD);
		HttpResponse<String> reset = securityAdminOnB.post("/admin/accounts/" + id + "/reset-password");
		// Rendered, not redirected: the page shows the one-time password once.
		assertThat(reset.statusCode()).isEqualTo(200);
		assertThat(reset.body()).contains("编辑账号 shenzhen");

		HttpResponse<String> next = shenzhenOnA.get("/people");
		assertThat(next.statusCode()).isEqualTo(302);
		assertThat(next.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).contains("/login"));
	}

	@Test
	@Order(3)
	void twentyImportsOverBothNodesEndOnceWithEveryRowOnceAfterOneNodeIsKilled() throws Exception {
		WebSession onA = WebSession.signIn(a.base(), "chengdu", PASSWORD);
		WebSession onB = onA.at(b.base());
		Map<String, String> prefixById = new LinkedHashMap<>();
		for (int i = 0; i < IMPORTS; i++) {
			String prefix = "双" + (char) ('甲' + i) + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 3);
			List<String> lines = new ArrayList<>(List.of("姓名,性别,类别,所在城市"));
			for (int r = 0; r < ROWS; r++) {
				lines.add(prefix + r + ",男,自由职业人员,成都市");
			}
			HttpResponse<String> submitted = (i % 2 == 0 ? onA : onB).upload("/api/v1/people/imports",
					"node-" + i + ".csv", String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
			assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
			prefixById.put(json.readTree(submitted.body()).get("id").asString(), prefix);
		}

		try (Connection db = database.connect()) {
			// A dies while it runs an import: its runner (the id it logged at its start) holds a RUNNING job.
			String runnerOfA = a.logged(java.util.regex.Pattern.compile("Job runner ([0-9a-f-]{36}) takes jobs"));
			String heldByA = awaitJobOf(db, runnerOfA, Duration.ofMinutes(3));
			a.kill();

			for (Map.Entry<String, String> job : prefixById.entrySet()) {
				JsonNode ended = ExternalDatabaseDeploymentTests.ImportJobs.awaitEnd(onB, job.getKey(),
						Duration.ofMinutes(6));
				assertThat(ended.get("status").asString()).as(ended.toString()).isEqualTo("SUCCEEDED");
				assertThat(single(db, "select count(*) from people_person where name like ?", job.getValue() + "%"))
					.as("rows of import " + job.getKey()).isEqualTo(Integer.toString(ROWS));
				assertThat(single(db, "select count(distinct name) from people_person where name like ?",
						job.getValue() + "%")).isEqualTo(Integer.toString(ROWS));
			}
			// Node A is dead: the second attempt was B's.
			assertThat(single(db, "select status || ' ' || (attempts >= 2) from platform_job where id = ?::bigint",
					heldByA)).as("the job node A held when it died, taken up by B").isEqualTo("SUCCEEDED true");
		}

		WebSession auditor = WebSession.signIn(b.base(), "auditor", PASSWORD);
		JsonNode chain = json.readTree(auditor.get("/actuator/auditchain").body());
		assertThat(chain.get("ok").asBoolean()).as("audit chain appended by two nodes: " + chain).isTrue();
	}

	/** The id of a people import that {@code runner} is running, as soon as there is one. */
	private static String awaitJobOf(Connection db, String runner, Duration limit) throws Exception {
		Instant deadline = Instant.now().plus(limit);
		while (Instant.now().isBefore(deadline)) {
			List<String> running = list(db, "select id::text from platform_job where kind = 'people.import'"
					+ " and status = 'RUNNING' and runner = ? limit 1", runner);
			if (!running.isEmpty()) {
				return running.getFirst();
			}
			Thread.sleep(20);
		}
		throw new AssertionError("runner " + runner + " ran no import within " + limit);
	}
}
