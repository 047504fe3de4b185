package org.tongxin.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
		EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(directory.toString(), 0, false);

		try (EmbeddedPostgres first = configuration.embeddedPostgres(properties, ZoneId.of("Asia/Shanghai"));
				ExportRoutingDataSource pool = (ExportRoutingDataSource) configuration.dataSource(first, ZoneId.of("Asia/Shanghai"), EXPORTS)) {
			JdbcClient jdbc = JdbcClient.create(pool);
			jdbc.sql("create table kept (note text)").update();
			jdbc.sql("insert into kept values ('同心')").update();
		}

		try (EmbeddedPostgres second = configuration.embeddedPostgres(properties, ZoneId.of("Asia/Shanghai"));
				ExportRoutingDataSource pool = (ExportRoutingDataSource) configuration.dataSource(second, ZoneId.of("Asia/Shanghai"), EXPORTS)) {
			JdbcClient jdbc = JdbcClient.create(pool);
			assertThat(jdbc.sql("select note from kept").query(String.class).single()).isEqualTo("同心");
			assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("tongxin");
		}
		assertThat(directory.resolve("PG_VERSION")).content().startsWith("17");
	}
}
