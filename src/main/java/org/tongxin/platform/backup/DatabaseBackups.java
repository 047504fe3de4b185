package org.tongxin.platform.backup;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;
import org.tongxin.platform.audit.AuditVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backups that need nothing but Tongxin: every table of the database copied out in PostgreSQL's binary COPY
 * format inside one repeatable-read, read-only transaction (one snapshot: a backup taken while people work is
 * consistent), zipped with a manifest that carries the schema version and each table's row count. No pg_dump:
 * the embedded server is PostgreSQL 17 and ships without one, and the machine's client tools may be older.
 * <p>
 * A restore goes into an empty database: the migrations are run up to the backup's schema version, the rows
 * are copied in with triggers and foreign keys asleep ({@code session_replication_role = replica}: the rows
 * are whole, scope columns included), sequences are set where they stood, every table's count is compared with
 * the backup's and the audit chain is verified — in one transaction that is rolled back if anything does not
 * match. The job files ({@code ./data/files}) and the audit anchors are not in the database and not in this
 * file: back them up with it (docs/operations.md).
 */
@Service
public class DatabaseBackups {

	static final String MANIFEST = "manifest.json";

	static final String COUNTS = "counts.json";

	static final String FORMAT = "tongxin-backup-1";

	private static final String FLYWAY_TABLE = "flyway_schema_history";

	private static final String[] NOT_BACKED_UP = { FLYWAY_TABLE, "platform_session", "platform_session_attributes",
			"platform_scheduler_lock" };

	private static final Logger log = LoggerFactory.getLogger(DatabaseBackups.class);

	private final DataSource dataSource;

	private final AuditVerifier verifier;

	private final JsonMapper json;

	private final Clock clock;

	/** The migrations written in Java (beans of their modules), which Flyway runs beside the SQL ones. */
	private final List<JavaMigration> javaMigrations;

	DatabaseBackups(DataSource dataSource, AuditVerifier verifier, JsonMapper json, Clock clock,
			List<JavaMigration> javaMigrations) {
		this.javaMigrations = List.copyOf(javaMigrations);
		this.dataSource = dataSource;
		this.verifier = verifier;
		this.json = json;
		this.clock = clock;
	}

	/** The first entry of a backup: its format, the schema version it needs, when it was taken, its tables. */
	public record Manifest(String format, String schemaVersion, Instant takenAt, List<String> tables) {
	}

	/** The last entry: each table's rows, and where each sequence stood. */
	public record Counts(Map<String, Long> rows, Map<String, Long> sequences) {

		public long total() {
			return rows.values().stream().mapToLong(Long::longValue).sum();
		}
	}

	/** What a backup or a restore did. */
	public record Summary(Manifest manifest, Counts counts) {
	}

	/** Writes a backup of the application's database to {@code out} (left open). */
	public Summary backup(OutputStream out) throws IOException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				try (Statement statement = connection.createStatement()) {
					statement.execute("set transaction isolation level repeatable read, read only");
				}
				JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
				String version = jdbc.sql("select version from " + FLYWAY_TABLE
						+ " where success and version is not null order by installed_rank desc limit 1")
					.query(String.class)
					.single();
				Manifest manifest = new Manifest(FORMAT, version, Instant.now(clock), tables(jdbc));
				ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
					@Override
					public void close() throws IOException {
						flush();
					}
				});
				zip.putNextEntry(new ZipEntry(MANIFEST));
				zip.write(json.writeValueAsBytes(manifest));
				zip.closeEntry();
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				Map<String, Long> rows = new LinkedHashMap<>();
				for (String table : manifest.tables()) {
					zip.putNextEntry(new ZipEntry("tables/" + table + ".bin"));
					rows.put(table, copy.copyOut("copy " + quoted(table) + " to stdout with (format binary)", zip));
					zip.closeEntry();
				}
				Map<String, Long> sequences = new LinkedHashMap<>();
				jdbc.sql("select sequencename, coalesce(last_value, 0) from pg_sequences where schemaname = 'public'")
					.query(rs -> {
						sequences.put(rs.getString(1), rs.getLong(2));
					});
				Counts counts = new Counts(rows, sequences);
				zip.putNextEntry(new ZipEntry(COUNTS));
				zip.write(json.writeValueAsBytes(counts));
				zip.closeEntry();
				zip.close();
				log.info("Backup written: schema version {}, {} tables, {} rows", version, rows.size(), counts.total());
				return new Summary(manifest, counts);
			}
			finally {
				connection.rollback();
			}
		}
		catch (SQLException e) {
			throw new IOException("backup failed: " + e.getMessage(), e);
		}
	}

	/**
	 * Restores a backup into {@code target}, which must hold no tables yet (unless {@code force}: then what the
	 * backup holds replaces them). The rows stream from the file into the database (memory stays flat); one
	 * transaction loads them and is rolled back unless every count matches and the audit chain verifies.
	 */
	public Summary restore(InputStream in, DataSource target, boolean force) throws IOException {
		ZipInputStream zip = new ZipInputStream(in);
		ZipEntry first = zip.getNextEntry();
		if (first == null || !first.getName().equals(MANIFEST)) {
			throw new IllegalArgumentException("Not a Tongxin backup (不是同心的备份文件)");
		}
		Manifest manifest = json.readValue(zip.readAllBytes(), Manifest.class);
		if (!FORMAT.equals(manifest.format())) {
			throw new IllegalArgumentException("Backup format " + manifest.format() + " is not " + FORMAT);
		}
		try (Connection connection = target.getConnection()) {
			boolean empty = JdbcClient.create(new SingleConnectionDataSource(connection, true))
				.sql("select count(*) = 0 from information_schema.tables where table_schema = 'public'")
				.query(Boolean.class)
				.single();
			if (!empty && !force) {
				throw new IllegalStateException("The target database is not empty; restore does not overwrite it"
						+ " unless forced (目标数据库不是空的；需要 --force 才会覆盖)");
			}
		}
		catch (SQLException e) {
			throw new IOException(e);
		}
		Flyway.configure()
			.dataSource(target)
			.locations("classpath:db/migration")
			.target(manifest.schemaVersion())
			.javaMigrations(javaMigrations.toArray(JavaMigration[]::new))
			.cleanDisabled(true)
			.load()
			.migrate();
		eventPublicationTable(target);
		Counts counts = load(zip, manifest, target);
		log.info("Backup of {} restored: schema version {}, {} tables, {} rows, audit chain verified",
				manifest.takenAt(), manifest.schemaVersion(), counts.rows().size(), counts.total());
		return new Summary(manifest, counts);
	}

	private Counts load(ZipInputStream zip, Manifest manifest, DataSource target) throws IOException {
		try (Connection connection = target.getConnection()) {
			connection.setAutoCommit(false);
			try {
				try (Statement statement = connection.createStatement()) {
					// Whole rows (scope columns included): triggers and foreign-key checks stay asleep while they load.
					statement.execute("set local session_replication_role = replica");
					// What the migrations seeded (units, roles, dictionaries) comes back as the backup holds it.
					statement.execute("truncate " + String.join(", ", manifest.tables().stream()
						.map(DatabaseBackups::quoted).toList()));
				}
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				Map<String, Long> loaded = new LinkedHashMap<>();
				Counts counts = null;
				for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
					String name = entry.getName();
					if (name.equals(COUNTS)) {
						counts = json.readValue(zip.readAllBytes(), Counts.class);
					}
					else if (name.startsWith("tables/") && name.endsWith(".bin")) {
						String table = name.substring("tables/".length(), name.length() - ".bin".length());
						if (!manifest.tables().contains(table)) {
							throw new IllegalArgumentException("table " + table + " is not in the backup's manifest");
						}
						loaded.put(table, copy.copyIn("copy " + quoted(table) + " from stdin with (format binary)",
								new FilterInputStream(zip) {
									@Override
									public void close() {
										// The entry ends; the archive goes on.
									}
								}));
					}
				}
				if (counts == null || !counts.rows().equals(loaded)) {
					throw new IllegalStateException("The rows loaded " + loaded + " are not the backup's " + counts);
				}
				JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
				counts.sequences().forEach((sequence, value) -> {
					if (value > 0) {
						jdbc.sql("select setval(cast(? as regclass), ?)").params(quoted(sequence), value)
							.query(Long.class)
							.single();
					}
				});
				AuditVerifier.Verification chain = verifier.verifyChainOf(new SingleConnectionDataSource(connection, true));
				if (!chain.ok()) {
					throw new IllegalStateException("The restored audit chain does not verify at entry "
							+ chain.firstBrokenId() + " (" + chain.problem() + ")");
				}
				connection.commit();
				return counts;
			}
			catch (SQLException | IOException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
		}
		catch (SQLException e) {
			throw new IOException("restore failed: " + e.getMessage(), e);
		}
	}

	/**
	 * Spring Modulith's event table, which installations before schema version 105 got from Modulith at start-up
	 * rather than from a migration: a backup of theirs holds it, the migrations up to its version do not make it.
	 */
	private static void eventPublicationTable(DataSource target) throws IOException {
		try (InputStream script = DatabaseBackups.class
			.getResourceAsStream("/db/migration/V105__platform_event_publication_table.sql")) {
			if (script == null) {
				throw new IOException("V105 migration missing from the application");
			}
			String sql = new String(script.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			JdbcClient.create(target).sql(sql).update();
		}
	}

	/**
	 * The application's tables: not Flyway's history (the migrations write it on restore), nor the signed-in
	 * sessions and the scheduler's locks, which belong to the running nodes: a restore must not bring back
	 * sessions that had ended.
	 */
	private static List<String> tables(JdbcClient jdbc) {
		return jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> all(?)
				order by table_name""")
			.param(NOT_BACKED_UP)
			.query(String.class)
			.list();
	}

	private static String quoted(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}
}
