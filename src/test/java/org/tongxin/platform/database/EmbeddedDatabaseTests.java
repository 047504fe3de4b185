package org.tongxin.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.platform.exports.ExportPoolProperties;
import org.tongxin.platform.exports.ExportRoutingDataSource;

/** The embedded server keeps its data in a directory of its own across restarts, with durable settings. */
class EmbeddedDatabaseTests {

	static final ExportPoolProperties EXPORTS = new ExportPoolProperties(3, Duration.ofSeconds(10));

	final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

	@Test
	void dataSurvivesARestart() throws Exception {
		Path directory = Files.createTempDirectory("tongxin-restart").resolve("pg");
		EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(directory.toString(), 0, false, "tongxin");

		try (EmbeddedServer first = configuration.embeddedPostgres(properties, ZoneId.of("Asia/Shanghai"));
				ExportRoutingDataSource pool = (ExportRoutingDataSource) configuration.dataSource(first, ZoneId.of("Asia/Shanghai"), EXPORTS)) {
			JdbcClient jdbc = JdbcClient.create(pool);
			jdbc.sql("create table kept (note text)").update();
			jdbc.sql("insert into kept values ('同心')").update();
		}

		try (EmbeddedServer second = configuration.embeddedPostgres(properties, ZoneId.of("Asia/Shanghai"));
				ExportRoutingDataSource pool = (ExportRoutingDataSource) configuration.dataSource(second, ZoneId.of("Asia/Shanghai"), EXPORTS)) {
			JdbcClient jdbc = JdbcClient.create(pool);
			assertThat(jdbc.sql("select note from kept").query(String.class).single()).isEqualTo("同心");
			assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("tongxin");
		}
		assertThat(directory.resolve("PG_VERSION")).content().startsWith("17");
	}

	@Test
	void aServerLeftRunningByACrashedStartIsStoppedAndTheNextStartServes() throws Exception {
		Path directory = Files.createTempDirectory("tongxin-crash").resolve("pg");
		EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(directory.toString(), 0, false, "tongxin");
		// What a killed JVM leaves: a server running on the data directory that no live application started.
		// (Within one JVM zonky's own lock would stop the second start, so the leftover is started with pg_ctl.)
		Path pgCtl;
		try (EmbeddedServer once = configuration.embeddedPostgres(properties, ZoneId.of("Asia/Shanghai"))) {
			String pid = Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().strip();
			pgCtl = Files.readSymbolicLink(Path.of("/proc", pid, "exe")).resolveSibling("pg_ctl");
		}
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		RootPostgres.run(pgCtl.toString(), "start", "-D", directory.toString(), "-w", "-o", "-p " + port,
				"-l", directory.resolveSibling("leftover.log").toString());
		long first = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().strip());
		assertThat(EmbeddedServer.alive(first)).isTrue();

		try (EmbeddedServer second = configuration.embeddedPostgres(properties, ZoneId.of("Asia/Shanghai"));
				ExportRoutingDataSource pool = (ExportRoutingDataSource) configuration.dataSource(second,
						ZoneId.of("Asia/Shanghai"), EXPORTS)) {
			assertThat(EmbeddedServer.alive(first)).as("the old postmaster").isFalse();
			assertThat(JdbcClient.create(pool).sql("select 1").query(Integer.class).single()).isEqualTo(1);
			long now = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().strip());
			assertThat(now).isNotEqualTo(first);
		}
	}

	@Test
	void aServerARunningStartHoldsIsNeverTakenForALeftover() throws Exception {
		Path directory = Files.createTempDirectory("tongxin-running").resolve("pg");
		EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(directory.toString(), 0, false, "tongxin");
		try (EmbeddedServer running = configuration.embeddedPostgres(properties, ZoneId.of("Asia/Shanghai"))) {
			EmbeddedDatabaseConfiguration.stopLeftOver(directory);
			assertThat(running.running()).as("the running application's server").isTrue();
		}
	}
}
