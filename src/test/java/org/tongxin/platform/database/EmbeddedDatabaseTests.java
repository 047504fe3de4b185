package org.tongxin.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded server keeps its data in a directory of its own across restarts, with durable settings. */
class EmbeddedDatabaseTests {

	final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

	@Test
	void dataSurvivesARestart() throws Exception {
		Path directory = Files.createTempDirectory("tongxin-restart").resolve("pg");
		EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(directory.toString(), 0, false);

		try (EmbeddedPostgres first = configuration.embeddedPostgres(properties, ZoneId.of("Asia/Shanghai"));
				HikariDataSource pool = (HikariDataSource) configuration.dataSource(first, ZoneId.of("Asia/Shanghai"))) {
			JdbcClient jdbc = JdbcClient.create(pool);
			jdbc.sql("create table kept (note text)").update();
			jdbc.sql("insert into kept values ('同心')").update();
		}

		try (EmbeddedPostgres second = configuration.embeddedPostgres(properties, ZoneId.of("Asia/Shanghai"));
				HikariDataSource pool = (HikariDataSource) configuration.dataSource(second, ZoneId.of("Asia/Shanghai"))) {
			JdbcClient jdbc = JdbcClient.create(pool);
			assertThat(jdbc.sql("select note from kept").query(String.class).single()).isEqualTo("同心");
			assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("tongxin");
		}
		assertThat(directory.resolve("PG_VERSION")).content().startsWith("17");
	}
}
