package org.tongxin.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.database.EmbeddedServer;

/**
 * Back up, change the data, restore into an empty database: the restored database holds what the backup held
 * (every table's rows, not the change made after it), at the backup's schema version, with an audit chain that
 * verifies; a database that is not empty is refused unless forced; a file that is not a backup is refused.
 */
@PlatformTest
class DatabaseBackupsTests {

	@Autowired
	DatabaseBackups backups;

	@Autowired
	EmbeddedServer server;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	UserDetailsService accounts;

	String database;

	@AfterEach
	void dropTheRestoredDatabase() {
		SecurityContextHolder.clearContext();
		if (database != null) {
			JdbcClient.create(server.postgresDatabase()).sql("drop database if exists " + database + " with (force)")
				.update();
		}
	}

	@Test
	void aRestoredBackupHoldsWhatTheBackupHeldAndItsAuditChainVerifies() throws Exception {
		SignIn.onThisThread(accounts, "central");
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		DatabaseBackups.Summary taken = backups.backup(file);
		long personsThen = taken.counts().rows().get("people_person");
		long auditThen = taken.counts().rows().get("platform_audit_log");
		assertThat(personsThen).isGreaterThan(1000);

		// The data changes after the backup.
		audit.record(AuditLog.Action.UPDATE, "backup-test", 1, Map.of("after", "backup"), null);
		assertThat(count(jdbc, "platform_audit_log")).isGreaterThan(auditThen);

		DataSource target = freshDatabase();
		DatabaseBackups.Summary restored = backups.restore(new ByteArrayInputStream(file.toByteArray()), target, false);

		JdbcClient there = JdbcClient.create(target);
		assertThat(restored.manifest().schemaVersion()).isEqualTo(taken.manifest().schemaVersion());
		assertThat(there.sql("select version from flyway_schema_history where success and version is not null"
				+ " order by installed_rank desc limit 1")
			.query(String.class)
			.single()).isEqualTo(taken.manifest().schemaVersion());
		for (Map.Entry<String, Long> table : taken.counts().rows().entrySet()) {
			assertThat(count(there, table.getKey())).as(table.getKey()).isEqualTo(table.getValue());
		}
		assertThat(count(there, "platform_audit_log")).isEqualTo(auditThen);
		// Sequences stand where they stood: new rows continue after the restored ones.
		String sequence = there.sql("select pg_get_serial_sequence('platform_audit_log', 'id')").query(String.class)
			.single();
		assertThat(there.sql("select last_value from " + sequence).query(Long.class).single())
			.isEqualTo(taken.counts().sequences().get(sequence.substring(sequence.indexOf('.') + 1)));
	}

	@Test
	void aDatabaseThatIsNotEmptyIsRefusedUnlessForced() throws Exception {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		backups.backup(file);
		DataSource target = freshDatabase();
		backups.restore(new ByteArrayInputStream(file.toByteArray()), target, false);

		assertThatThrownBy(() -> backups.restore(new ByteArrayInputStream(file.toByteArray()), target, false))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("not empty");
		DatabaseBackups.Summary again = backups.restore(new ByteArrayInputStream(file.toByteArray()), target, true);
		assertThat(count(JdbcClient.create(target), "people_person")).isEqualTo(again.counts().rows().get("people_person"));
	}

	@Test
	void aFileThatIsNotABackupIsRefused() {
		assertThatThrownBy(() -> backups.restore(new ByteArrayInputStream("PK not really".getBytes()), freshDatabase(),
				false))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Not a Tongxin backup");
	}

	private DataSource freshDatabase() {
		database = "restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		JdbcClient.create(server.postgresDatabase()).sql("create database " + database + " template template0 encoding 'UTF8'")
			.update();
		return server.database("postgres", database);
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single();
	}
}
