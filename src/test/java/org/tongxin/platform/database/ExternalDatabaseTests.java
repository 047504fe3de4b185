package org.tongxin.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tongxin.platform.DemoMode;
import org.tongxin.platform.exports.ExportRoutingDataSource;

/**
 * With spring.datasource.url set (TONGXIN_DB_URL), Tongxin uses that server: it starts no embedded
 * PostgreSQL, migrates the external schema, loads no demo data and creates the first administrator.
 * The "external" server here is a separate PostgreSQL process the test starts itself.
 */
@SpringBootTest(properties = "tongxin.demo.mode=auto")
@DirtiesContext
class ExternalDatabaseTests {

	static final EmbeddedPostgres external = start();

	static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.builder()
				.setDataDirectory(Files.createTempDirectory("tongxin-external-pg"))
				.setCleanDataDirectory(true)
				.start();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> external.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	/**
	 * Stops the external server when the test's context closes, after the application is done with it;
	 * stopping it any earlier leaves the closing context waiting for a connection that never comes.
	 */
	@TestConfiguration
	static class StopExternalServer {

		@Bean
		DisposableBean stopExternal() {
			return external::close;
		}
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoMode demoMode;

	@Test
	void usesTheConfiguredServerAndStartsNoEmbeddedOne() {
		assertThat(context.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
		assertThat(demoMode.embeddedDatabase()).isFalse();
		assertThat(jdbc.sql("select inet_server_port()").query(Integer.class).single()).isEqualTo(external.getPort());
	}

	@Test
	void migratesTheSchemaWithoutDemoData() {
		assertThat(demoMode.enabled()).isFalse();
		assertThat(jdbc.sql("select count(*) from platform_unit where level <> 'SITE'").query(Long.class).single())
			.isEqualTo(3340);
		assertThat(jdbc.sql("select count(*) from programme_site").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select username, must_change_password from platform_account")
			.query((rs, n) -> rs.getString(1) + ":" + rs.getBoolean(2))
			.list()).containsExactly("admin:true");
	}

	@Test
	void exportsTakeTheirConnectionsFromTheirOwnPoolOnTheSameServer() throws Exception {
		String sql = "select current_setting('application_name') || '@' || inet_server_port()";
		String export = ExportRoutingDataSource.onExportPool(() -> jdbc.sql(sql).query(String.class).single());
		assertThat(export).isEqualTo("tongxin-export@" + external.getPort());
		assertThat(jdbc.sql(sql).query(String.class).single()).isEqualTo("tongxin@" + external.getPort());
		// Both pools set up their sessions from spring.datasource.hikari.connection-init-sql.
		String zone = ExportRoutingDataSource.onExportPool(() -> jdbc.sql("show timezone").query(String.class).single());
		assertThat(zone).isEqualTo("Asia/Shanghai");
	}
}
