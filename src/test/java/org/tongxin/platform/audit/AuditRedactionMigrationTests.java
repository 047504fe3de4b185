package org.tongxin.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.audit.AuditVerifier.Problem;
import org.tongxin.platform.audit.AuditVerifier.Verification;
import org.tongxin.platform.database.EmbeddedServer;

/**
 * Issue 9, items 3 and 12 on an existing deployment: migration V85 removes the personal values from the
 * entries written before, and the chain, hashed with plain SHA-256 until then, still verifies: each redacted
 * entry by the keyed seal the first keyed entry gives it, every later entry by its key. Runs the real
 * migrations on a database of its own, with a log written as the old code wrote it.
 */
@PlatformTest
class AuditRedactionMigrationTests {

	private static final String PERSON = """
			{"id":{"value":9001},"unit":{"value":510104},"place":"成都市 / 锦江区","regionCode":"510104",
			 "name":"迁移测试甲","sex":"F","birthDate":"1986-04-23","ethnicity":"01","idNumberMasked":"510104********5180",
			 "phoneMasked":"139****8832","email":"qianyi@example.cn","education":"BACHELOR","affiliation":"MASSES",
			 "party":null,"religionRecorded":true,"group":"ENTERPRISE","subgroup":null,"employer":"迁移测试科技有限公司",
			 "position":"总经理","sector":null,"address":"成都市锦江区红星路三段99号","tags":["迁移标签"],
			 "notes":"其兄在区政协任职","legalBasis":"CONSENT","consentState":"GIVEN","version":0,"anonymisedAt":null}""";

	@Autowired
	EmbeddedServer postgres;

	@Autowired
	JdbcClient main;

	@Autowired
	AuditChain auditChain;

	String database;

	JdbcClient jdbc;

	AuditVerifier verifier;

	TransactionTemplate transactions;

	@BeforeEach
	void oldDeployment() {
		database = "audit_v85_" + UUID.randomUUID().toString().replace("-", "");
		main.sql("create database " + database + " template template0 encoding 'UTF8'").update();
		DataSource dataSource = postgres.database("postgres", database);
		// Every migration before V85, whichever is the last of them.
		String before = java.util.Arrays.stream(Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
				.load().info().all())
			.map(m -> m.getVersion())
			.filter(v -> v != null && !v.isAtLeast("85"))
			.max(Comparable::compareTo)
			.orElseThrow()
			.getVersion();
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(before).load().migrate();
		jdbc = JdbcClient.create(dataSource);
		transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		verifier = new AuditVerifier(jdbc, auditChain, new AuditAnchors(jdbc, auditChain,
				Path.of("target", "anchors-test", database, "anchors.log").toString()));
	}

	@AfterEach
	void dropDatabase() {
		main.sql("drop database if exists " + database + " with (force)").update();
	}

	@Test
	void theMigrationRemovesPersonalValuesAndTheChainStillVerifiesUnderTheKey() {
		String updatedPerson = PERSON.replace("迁移测试甲", "迁移测试乙")
			.replace("\"ENTERPRISE\"", "\"NEW_MEDIA\"")
			.replace("qianyi@example.cn", "qianyi.new@example.cn")
			.replace("\"version\":0", "\"version\":1");
		String prev = AuditChain.GENESIS;
		prev = legacy(prev, "CREATE", "person", "9001", "{\"after\":" + PERSON + "}", null);
		prev = legacy(prev, "UPDATE", "person", "9001", "{\"before\":" + PERSON + ",\"after\":" + updatedPerson + "}", null);
		prev = legacy(prev, "CREATE", "programme-site", "12", "{\"after\":{\"name\":\"同心示范点\",\"city\":510100}}", null);
		prev = legacy(prev, "CREATE", "person-platform-account", "9001",
				"{\"platform\":\"WEIBO\",\"handle\":\"迁移测试甲的微博\",\"followers\":1200,\"verified\":false}", null);
		prev = legacy(prev, "UPDATE", "organisation", "7",
				"{\"before\":{\"name\":\"同心家园\",\"contactName\":\"联系人丙\",\"contactPhone\":\"13611112222\",\"partyMembers\":3},"
						+ "\"after\":{\"name\":\"同心家园\",\"contactName\":\"联系人丁\",\"contactPhone\":\"13633334444\",\"partyMembers\":4}}",
				null);
		prev = legacy(prev, "CREATE", "person-transfer", "5",
				"{\"after\":{\"person\":9001,\"from\":510104,\"to\":510107,\"reason\":\"迁移测试甲搬家\"}}", null);
		prev = legacy(prev, "UPDATE", "person", "9001",
				"{\"merge\":3,\"taken\":[\"PHONE\"],\"before\":" + PERSON + ",\"merged\":" + PERSON.replace("9001", "9002")
						+ ",\"after\":" + updatedPerson + "}", "merge");
		prev = legacy(prev, "REVEAL", "person", "9001", "{\"field\":\"PHONE\"}", "核实联系方式");

		Flyway.configure().dataSource(postgres.database("postgres", database)).locations("classpath:db/migration")
			.load().migrate();

		List<String> details = jdbc.sql("select detail from platform_audit_log order by id").query(String.class).list();
		String log = String.join("\n", details);
		for (String value : List.of("迁移测试甲", "迁移测试乙", "1986-04-23", "510104********5180", "139****8832",
				"qianyi@example.cn", "qianyi.new@example.cn", "迁移测试科技有限公司", "总经理", "红星路", "迁移标签",
				"其兄在区政协任职", "联系人丙", "联系人丁", "13611112222", "13633334444", "搬家")) {
			assertThat(log).as("the log still holds %s", value).doesNotContain(value);
		}
		assertThat(details.get(0)).contains("\"name\": \"changed\"", "\"birthDate\": \"changed\"",
				"\"group\": {\"new\": \"ENTERPRISE\"}");
		assertThat(details.get(1)).contains("\"name\": \"changed\"", "\"email\": \"changed\"",
				"\"group\": {\"new\": \"NEW_MEDIA\", \"old\": \"ENTERPRISE\"}")
			.doesNotContain("\"phoneMasked\"", "\"before\"", "\"after\"");
		assertThat(details.get(2)).isEqualTo("{\"after\":{\"name\":\"同心示范点\",\"city\":510100}}");
		assertThat(details.get(3)).contains("\"handle\": \"changed\"", "WEIBO");
		assertThat(details.get(4)).contains("\"contactName\": \"changed\"", "\"contactPhone\": \"changed\"",
				"\"partyMembers\": {\"new\": 4, \"old\": 3}");
		assertThat(details.get(5)).contains("\"reason\": \"changed\"", "\"to\": {\"new\": 510107}");
		assertThat(details.get(6)).contains("\"merged\": {\"value\": 9002}", "\"taken\": [\"PHONE\"]", "\"changes\"");
		assertThat(details.get(7)).isEqualTo("{\"field\":\"PHONE\"}");
		assertThat(jdbc.sql("select count(*) from platform_audit_redaction").query(Long.class).single()).isEqualTo(6);

		// Until the first keyed entry seals them, the redacted entries do not verify.
		Verification unsealed = verifier.verify();
		assertThat(unsealed.problem()).isEqualTo(Problem.REDACTION_NOT_SEALED);
		assertThat(unsealed.firstBrokenId()).isEqualTo(firstId());

		assertThat(AuditRedactions.seal(jdbc, auditChain)).isEqualTo(6);
		String last = jdbc.sql("select hash from platform_audit_log order by id desc limit 1").query(String.class).single();
		keyed(last, "LOGIN", "account", "chengdu", null);
		assertThat(verifier.verify()).extracting(Verification::ok, Verification::entriesChecked).containsExactly(true, 9L);

		// A redacted entry changed afterwards breaks its seal; an entry marked redacted afterwards has none.
		long second = firstId() + 1;
		transactions.executeWithoutResult(status -> {
			jdbc.sql("set local tongxin.audit_redaction = 'on'").update();
			jdbc.sql("update platform_audit_log set detail = '{}' where id = ?").param(second).update();
		});
		assertThat(verifier.verify()).extracting(Verification::firstBrokenId, Verification::problem)
			.containsExactly(second, Problem.REDACTION_NOT_SEALED);
	}

	@Test
	void theAppendOnlyGuardStillRefusesEveryOtherUpdate() {
		legacy(AuditChain.GENESIS, "CREATE", "person", "9001", "{\"after\":" + PERSON + "}", null);
		Flyway.configure().dataSource(postgres.database("postgres", database)).locations("classpath:db/migration")
			.load().migrate();
		long id = firstId();

		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> jdbc.sql("update platform_audit_log set detail = '{}' where id = ?").param(id).update())
			.hasMessageContaining("append-only");
		transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			jdbc.sql("set local tongxin.audit_redaction = 'on'").update();
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> jdbc.sql("update platform_audit_log set actor = 'x' where id = ?").param(id).update())
				.hasMessageContaining("append-only");
		});
	}

	private long firstId() {
		return jdbc.sql("select min(id) from platform_audit_log").query(Long.class).single();
	}

	/** An entry as the code before V85 wrote it: no algorithm column, plain SHA-256. */
	private String legacy(String prev, String action, String type, String object, String detail, String reason) {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		String hash = AuditChain.unkeyed(prev, at, "chengdu", 510100L, action, type, object, detail, reason, "10.0.0.1");
		jdbc.sql("""
				insert into platform_audit_log
				    (at, actor, actor_unit, action, object_type, object_id, detail, reason, ip, prev_hash, hash)
				values (?, 'chengdu', 510100, ?, ?, ?, ?, ?, '10.0.0.1', ?, ?)""")
			.params(Timestamp.from(at), action, type, object, detail, reason, prev, hash)
			.update();
		return hash;
	}

	private String keyed(String prev, String action, String type, String object, String detail) {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		String algorithm = auditChain.algorithm();
		String hash = auditChain.hash(algorithm, prev, at, "chengdu", 510100L, action, type, object, detail, null, null);
		jdbc.sql("""
				insert into platform_audit_log
				    (at, actor, actor_unit, action, object_type, object_id, detail, prev_hash, hash, chain_alg)
				values (?, 'chengdu', 510100, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(at), action, type, object, detail, prev, hash, algorithm)
			.update();
		return hash;
	}
}
