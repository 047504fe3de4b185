package org.tongxin.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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
	EmbeddedServer embeddedPostgres(EmbeddedDatabaseProperties properties,
			@Value("${tongxin.time-zone:Asia/Shanghai}") ZoneId zone) throws IOException {
		Path directory = Path.of(properties.dataDirectory()).toAbsolutePath().normalize();
		if (properties.clean()) {
			FileSystemUtils.deleteRecursively(directory);
		}
		Files.createDirectories(directory.getParent());
		log.info("Embedded PostgreSQL data directory: {}", directory);
		Map<String, String> server = new LinkedHashMap<>();
		server.put("fsync", "on");
		server.put("synchronous_commit", "on");
		server.put("full_page_writes", "on");
		server.put("timezone", zone.getId());
		server.put("max_connections", "100");
		Map<String, String> locale = Map.of("locale", "C.UTF-8");
		if (RootPostgres.runningAsRoot()) {
			// PostgreSQL refuses root: it runs as the system account (RootPostgres, docs/decisions/0012).
			RootPostgres root = new RootPostgres(properties.systemAccount());
			Path runtime = directory.resolveSibling("pg-runtime");
			root.prepare(directory, runtime);
			// TCP only: the account may not be able to write where the socket would go.
			server.put("unix_socket_directories", "''");
			return root.start(directory, runtime, properties.port(), server, locale);
		}
		stopLeftOver(directory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			// Spring stops the server after closing the pool; a second hook of zonky's own would race it.
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60));
		locale.forEach(builder::setLocaleConfig);
		server.forEach(builder::setServerConfig);
		if (properties.port() > 0) {
			builder.setPort(properties.port());
		}
		EmbeddedPostgres postgres = builder.start();
		// zonky keeps its binaries to itself; pg_ctl is found beside the running postmaster's program.
		Path pgCtl = Files.readSymbolicLink(Path.of("/proc", postmasterPid(directory), "exe")).resolveSibling("pg_ctl");
		Path serverLog = directory.resolveSibling("postgresql.log");
		return new EmbeddedServer() {

			@Override
			public Path dataDirectory() {
				return directory;
			}

			@Override
			public void restart() throws IOException {
				RootPostgres.run(pgCtl.toString(), "restart", "-D", directory.toString(), "-m", "fast", "-w", "-t", "60",
						"-l", serverLog.toString());
			}

			@Override
			public String jdbcUrl(String user, String database) {
				return postgres.getJdbcUrl(user, database);
			}

			@Override
			public DataSource postgresDatabase() {
				return postgres.getPostgresDatabase();
			}

			@Override
			public void close() throws IOException {
				postgres.close();
			}
		};
	}

	/**
	 * A server a previous start left running (its Java process was killed, the postmaster lives on) is stopped
	 * before a new one starts, with its own pg_ctl and a log line: the application never attaches to a server it
	 * did not start.
	 */
	static void stopLeftOver(Path directory) {
		if (!Files.exists(directory.resolve("postmaster.pid"))) {
			return;
		}
		if (heldByAnotherStart(directory.resolve("epg-lock"))) {
			// A live Tongxin (or any zonky user) runs this server: leave it; zonky refuses the second start.
			return;
		}
		try {
			String pid = postmasterPid(directory);
			if (EmbeddedServer.alive(Long.parseLong(pid))) {
				Path pgCtl = Files.readSymbolicLink(Path.of("/proc", pid, "exe")).resolveSibling("pg_ctl");
				log.warn("A PostgreSQL left running by a previous start (pid {}) holds {}: stopping it"
						+ " (上次运行遗留的数据库进程，正在停止)", pid, directory);
				RootPostgres.run(pgCtl.toString(), "stop", "-D", directory.toString(), "-m", "fast", "-w", "-t", "60");
			}
		}
		catch (IOException | RuntimeException e) {
			log.warn("Could not stop the PostgreSQL left running in {}: {}", directory, e.getMessage());
		}
	}

	/**
	 * Whether a live process holds the lock file that zonky holds for as long as it runs a server: then the server
	 * is that process's, not left over.
	 */
	static boolean heldByAnotherStart(Path lockFile) {
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
				java.nio.file.StandardOpenOption.WRITE)) {
			java.nio.channels.FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (java.nio.channels.OverlappingFileLockException e) {
			return true;
		}
		catch (IOException e) {
			return true;
		}
	}

	private static String postmasterPid(Path directory) throws IOException {
		return Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().strip();
	}

	/** Watches the embedded server and starts it again when it stops (EmbeddedSupervisor). */
	@Bean(destroyMethod = "stop")
	EmbeddedSupervisor embeddedSupervisor(EmbeddedServer server, DataSource dataSource) throws SQLException {
		ExportRoutingDataSource pools = dataSource.unwrap(ExportRoutingDataSource.class);
		EmbeddedSupervisor supervisor = new EmbeddedSupervisor(server, pools::evictConnections);
		supervisor.start();
		return supervisor;
	}

	/**
	 * The database's health: DOWN at once while the embedded server is stopped, instead of after a connection
	 * attempt has waited out the pool's timeout. Named as Spring Boot's own, which it replaces.
	 */
	@Bean
	HealthIndicator dbHealthContributor(EmbeddedSupervisor supervisor, DataSource dataSource) {
		return () -> {
			if (!supervisor.available()) {
				return Health.down().withDetail("database", "embedded PostgreSQL stopped, restarting").build();
			}
			try (var connection = dataSource.getConnection()) {
				return connection.isValid(2) ? Health.up().withDetail("database", "PostgreSQL").build()
						: Health.down().build();
			}
			catch (SQLException e) {
				return Health.down().withDetail("database", "no connection").build();
			}
		};
	}

	/** While the embedded server is stopped, requests get a 503 at once instead of waiting for a connection. */
	@Bean
	FilterRegistrationBean<DatabaseDownFilter> databaseDownFilter(EmbeddedSupervisor supervisor) {
		FilterRegistrationBean<DatabaseDownFilter> registration = new FilterRegistrationBean<>(
				new DatabaseDownFilter(supervisor));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	/** The same startup option application.yml gives an external database's connections. */
	static final String CUSTOM_PLANS = "-c plan_cache_mode=force_custom_plan -c random_page_cost=1.1";

	/** The main pool, with the export pool beside it (see {@link ExportRoutingDataSource}). */
	@Bean
	DataSource dataSource(EmbeddedServer postgres, @Value("${tongxin.time-zone:Asia/Shanghai}") ZoneId zone,
			ExportPoolProperties exports) throws SQLException {
		createDatabaseIfMissing(postgres);
		HikariDataSource dataSource = new HikariDataSource();
		// pgjdbc overrides the server's zone with the JVM's; sessions reckon dates in the display zone.
		dataSource.setConnectionInitSql("set time zone '" + zone.getId() + "'");
		// Plans made for the values at hand: see spring.datasource.hikari.data-source-properties in application.yml.
		dataSource.addDataSourceProperty("options", CUSTOM_PLANS);
		dataSource.setJdbcUrl(postgres.jdbcUrl("postgres", DATABASE));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(10);
		// A page waits at most this long for a connection (then 503), not Hikari's 30 s.
		dataSource.setConnectionTimeout(10_000);
		dataSource.setPoolName("tongxin-embedded");
		return new ExportRoutingDataSource(dataSource, exports);
	}

	private static void createDatabaseIfMissing(EmbeddedServer postgres) {
		JdbcClient admin = JdbcClient.create(postgres.postgresDatabase());
		boolean exists = admin.sql("select exists (select 1 from pg_database where datname = ?)")
			.param(DATABASE)
			.query(Boolean.class)
			.single();
		if (!exists) {
			admin.sql("create database " + DATABASE + " template template0 encoding 'UTF8'").update();
		}
	}
}
