package org.tongxin.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deployment mode on the operator's PostgreSQL (TONGXIN_DB_URL), as .ci/run installs it from Debian: the
 * packaged application migrates an empty database as an ordinary role, signs people in, keeps each account to
 * its scope, imports a file in the background and exports a workbook. Run by {@code ./mvnw verify -Pdeployment}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalDatabaseDeploymentTests {

	static final String PASSWORD = "Tongxin@2018";

	final JsonMapper json = JsonMapper.builder().build();

	ExternalServer.Database database;

	TongxinNode node;

	@BeforeAll
	void start(@TempDir Path work) throws Exception {
		database = ExternalServer.fromEnvironment().createDatabase("smoke");
		Path files = Files.createDirectories(work.resolve("files"));
		node = TongxinNode.start("smoke", database, work, files, Map.of());
	}

	@AfterAll
	void stop() throws Exception {
		if (node != null) {
			node.close();
		}
		if (database != null) {
			database.close();
		}
	}

	@Test
	void theSchemaIsMigratedToTheLatestVersionWithItsExtensionsAndWithoutSuperuserRights() throws Exception {
		try (Connection db = database.connect()) {
			assertThat(single(db, "select count(*) from flyway_schema_history where not success")).isEqualTo("0");
			assertThat(single(db, """
					select version from flyway_schema_history where success and version is not null
					order by string_to_array(version, '.')::int[] desc limit 1""")).isEqualTo(latestMigration());
			assertThat(list(db, "select extname from pg_extension")).contains("ltree", "pg_trgm");
			assertThat(Integer.parseInt(single(db, "show server_version_num"))).isGreaterThanOrEqualTo(150000);
			assertThat(single(db, "select rolsuper::text from pg_roles where rolname = current_user")).isEqualTo("false");
		}
	}

	@Test
	void aCityAccountSeesItsCityOnlyAndAnOtherCitysPersonIsAnsweredAsNobody() throws Exception {
		assertThat(WebSession.anonymous(node.base()).get("/api/v1/people").statusCode()).isEqualTo(401);
		WebSession chengdu = WebSession.signIn(node.base(), "chengdu", PASSWORD);

		JsonNode page = json.readTree(chengdu.get("/api/v1/people?size=500").body());
		Set<Long> units = new HashSet<>();
		page.get("items").forEach(person -> units.add(person.get("unit").asLong()));
		assertThat(units).isNotEmpty();
		try (Connection db = database.connect()) {
			List<String> outside = list(db, """
					select u.id::text from platform_unit u
					where u.id = any(?) and not u.path <@ (select path from platform_unit where name = '成都市')""",
					(Object) units.toArray(Long[]::new));
			assertThat(outside).as("units outside 成都市 in chengdu's list").isEmpty();

			String shenzhenPerson = single(db, """
					select p.id::text from people_person p join platform_unit u on u.id = p.unit_id
					where u.path <@ (select path from platform_unit where name = '深圳市') limit 1""");
			assertThat(chengdu.get("/api/v1/people/" + shenzhenPerson).statusCode()).isEqualTo(404);
			assertThat(WebSession.signIn(node.base(), "shenzhen", PASSWORD).get("/api/v1/people/" + shenzhenPerson)
				.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void anImportRunsInTheBackgroundAndWritesEveryRowOnce() throws Exception {
		WebSession chengdu = WebSession.signIn(node.base(), "chengdu", PASSWORD);
		String prefix = "部" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4);
		List<String> lines = new ArrayList<>(List.of("姓名,性别,类别,所在城市"));
		for (int i = 0; i < 300; i++) {
			lines.add(prefix + i + ",女,自由职业人员,成都市");
		}
		HttpResponse<String> submitted = chengdu.upload("/api/v1/people/imports", "deployment.csv",
				String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
		String id = json.readTree(submitted.body()).get("id").asString();

		JsonNode job = ImportJobs.awaitEnd(chengdu, id, Duration.ofMinutes(3));
		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
		try (Connection db = database.connect()) {
			assertThat(single(db, "select count(*) from people_person where name like ?", prefix + "%"))
				.isEqualTo("300");
			assertThat(single(db, "select count(distinct name) from people_person where name like ?", prefix + "%"))
				.isEqualTo("300");
		}
	}

	@Test
	void anExportIsAWorkbookOfTheAccountsScopeAndIsAudited() throws Exception {
		WebSession chengdu = WebSession.signIn(node.base(), "chengdu", PASSWORD);
		HttpResponse<byte[]> export = chengdu.download("/people/export.xlsx");
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()));
				Connection db = database.connect()) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isPositive();
			assertThat(single(db, """
					select count(*) from platform_audit_log where action = 'EXPORT' and actor = 'chengdu'""")).isNotEqualTo("0");
		}
	}

	/** The highest version among the SQL and Java migrations this build carries. */
	static String latestMigration() throws Exception {
		Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql");
		List<String> versions = new ArrayList<>();
		for (Resource script : scripts) {
			versions.add(script.getFilename().substring(1, script.getFilename().indexOf("__")).replace('_', '.'));
		}
		return versions.stream().max((a, b) -> compareVersions(a, b)).orElseThrow();
	}

	private static int compareVersions(String a, String b) {
		String[] x = a.split("\\.");
		String[] y = b.split("\\.");
		for (int i = 0; i < Math.max(x.length, y.length); i++) {
			int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}

	static String single(Connection db, String sql, Object... parameters) throws SQLException {
		List<String> values = list(db, sql, parameters);
		assertThat(values).as(sql).hasSize(1);
		return values.getFirst();
	}

	static List<String> list(Connection db, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				Object p = parameters[i];
				statement.setObject(i + 1, p instanceof Long[] ids ? db.createArrayOf("bigint", ids) : p);
			}
			List<String> values = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					values.add(rows.getString(1));
				}
			}
			return values;
		}
	}

	/** Waits for an import to end, asking the API as its submitter does. */
	static final class ImportJobs {

		static JsonNode awaitEnd(WebSession session, String id, Duration limit) throws Exception {
			JsonMapper json = JsonMapper.builder().build();
			Instant deadline = Instant.now().plus(limit);
			JsonNode job = null;
			while (Instant.now().isBefore(deadline)) {
				HttpResponse<String> answer = session.get("/api/v1/people/imports/" + id);
				job = json.readTree(answer.body());
				String status = job.path("status").asString("");
				if (status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED")) {
					return job;
				}
				Thread.sleep(500);
			}
			throw new AssertionError("import " + id + " did not end within " + limit + ": " + job);
		}
	}
}
