package org.tongxin.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import org.tongxin.platform.exports.ExportPoolProperties;
import org.tongxin.platform.exports.ExportRoutingDataSource;

/**
 * Starts PostgreSQL 17 from the zonky binaries when no external database is configured, so that
 * {@code ./mvnw spring-boot:run} needs nothing installed.
 * <p>
 * zonky's defaults suit throw-away test databases (fsync off, synchronous_commit off, a temporary
 * directory, the locale of an empty environment); here the data is real, so every one of them is
 * overridden: fsync and synchronous_commit on, a persistent directory, LC_CTYPE C.UTF-8.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

	static final String DATABASE = "tongxin";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties,
			@Value("${tongxin.time-zone:Asia/Shanghai}") ZoneId zone) throws IOException {
		if ("root".equals(System.getProperty("user.name"))) {
			// PostgreSQL refuses to run as root; say so plainly instead of failing inside initdb.
			throw new IllegalStateException("""
					The embedded PostgreSQL cannot run as root (内置数据库不能以 root 身份运行).
					Run Tongxin as an ordinary user, or point it at an external PostgreSQL with TONGXIN_DB_URL.""");
		}
		Path directory = Path.of(properties.dataDirectory()).toAbsolutePath();
		if (properties.clean()) {
			FileSystemUtils.deleteRecursively(directory);
		}
		Files.createDirectories(directory.getParent());
		log.info("Embedded PostgreSQL data directory: {}", directory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			// Spring stops the server after closing the pool; a second hook of zonky's own would race it.
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setLocaleConfig("locale", "C.UTF-8")
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("timezone", zone.getId())
			.setServerConfig("max_connections", "100");
		if (properties.port() > 0) {
			builder.setPort(properties.port());
		}
		return builder.start();
	}

	/** The same startup option application.yml gives an external database's connections. */
	static final String CUSTOM_PLANS = "-c plan_cache_mode=force_custom_plan -c random_page_cost=1.1";

	/** The main pool, with the export pool beside it (see {@link ExportRoutingDataSource}). */
	@Bean
	DataSource dataSource(EmbeddedPostgres postgres, @Value("${tongxin.time-zone:Asia/Shanghai}") ZoneId zone,
			ExportPoolProperties exports) throws SQLException {
		createDatabaseIfMissing(postgres);
		HikariDataSource dataSource = new HikariDataSource();
		// pgjdbc overrides the server's zone with the JVM's; sessions reckon dates in the display zone.
		dataSource.setConnectionInitSql("set time zone '" + zone.getId() + "'");
		// Plans made for the values at hand: see spring.datasource.hikari.data-source-properties in application.yml.
		dataSource.addDataSourceProperty("options", CUSTOM_PLANS);
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(10);
		dataSource.setPoolName("tongxin-embedded");
		return new ExportRoutingDataSource(dataSource, exports);
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
		JdbcClient admin = JdbcClient.create(postgres.getPostgresDatabase());
		boolean exists = admin.sql("select exists (select 1 from pg_database where datname = ?)")
			.param(DATABASE)
			.query(Boolean.class)
			.single();
		if (!exists) {
			admin.sql("create database " + DATABASE + " template template0 encoding 'UTF8'").update();
		}
	}
}
