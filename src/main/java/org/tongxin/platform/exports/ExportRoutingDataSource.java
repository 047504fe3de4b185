package org.tongxin.platform.exports;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's one DataSource: the main pool, plus a second, small pool for streamed exports. While the
 * current thread is marked as exporting ({@link #onExportPool}, or a handler method annotated
 * {@link org.tongxin.platform.StreamedExport}), every connection comes from the export pool; otherwise from the
 * main pool.
 * <p>
 * One DataSource and not two, because the repositories, {@code JdbcClient} and the transaction manager all work
 * on it: a transaction begun while the mark is set binds an export connection under the same key, and every
 * statement of that transaction uses it. The mark must therefore be set before the transaction begins, which is
 * why it is set around the whole handler and not inside a facade. The export pool connects exactly like the main
 * one (same server, credentials, driver properties and session set-up) and names itself in
 * {@code application_name}, so that {@code pg_stat_activity} shows which connections are exports.
 */
public final class ExportRoutingDataSource extends DelegatingDataSource implements AutoCloseable {

	static final String APPLICATION_NAME = "ApplicationName";

	private static final ThreadLocal<Boolean> EXPORTING = new ThreadLocal<>();

	private final HikariDataSource main;

	private final HikariDataSource exports;

	/** Names the main pool's connections "tongxin" (unless configured) and opens the export pool beside it. */
	public ExportRoutingDataSource(HikariDataSource main, ExportPoolProperties properties) {
		super(main);
		this.main = main;
		if (!main.getDataSourceProperties().containsKey(APPLICATION_NAME)) {
			main.addDataSourceProperty(APPLICATION_NAME, "tongxin");
		}
		this.exports = exportPool(main, properties);
	}

	/**
	 * Runs {@code work} with every connection it takes (its transactions included) from the export pool. Begin
	 * the export's transaction inside {@code work}: a transaction already open on this thread keeps its
	 * connection from the main pool.
	 */
	public static <T> T onExportPool(Callable<T> work) throws Exception {
		Boolean before = EXPORTING.get();
		EXPORTING.set(true);
		try {
			return work.call();
		}
		finally {
			if (before == null) {
				EXPORTING.remove();
			}
		}
	}

	/**
	 * Runs {@code work} with its connections from the main pool, also inside an export: for the short writes an
	 * export makes beside its rows (its audit entry), which must not wait for a second connection of the small
	 * export pool while the export holds one.
	 */
	public static <T> T onMainPool(Callable<T> work) throws Exception {
		Boolean before = EXPORTING.get();
		EXPORTING.remove();
		try {
			return work.call();
		}
		finally {
			if (before != null) {
				EXPORTING.set(before);
			}
		}
	}

	static void markExporting() {
		EXPORTING.set(true);
	}

	static void clearMark() {
		EXPORTING.remove();
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (EXPORTING.get() == null) {
			return main.getConnection();
		}
		try {
			return exports.getConnection();
		}
		catch (SQLTransientConnectionException timeout) {
			// Hikari's timeout carries the last failure to connect as its cause when the server is unreachable;
			// without one, every connection was simply in use for the whole wait.
			if (timeout.getCause() == null) {
				throw new ExportPoolBusyException(timeout);
			}
			throw timeout;
		}
	}

	/** The two pools, main first (for benchmarks and diagnostics). */
	public List<HikariDataSource> pools() {
		return List.of(main, exports);
	}

	/**
	 * Retires every connection of both pools (in use ones when they are returned): after the server they lead to
	 * was restarted, none of them works, and a caller should not be the one to find out.
	 */
	public void evictConnections() {
		for (HikariDataSource pool : List.of(main, exports)) {
			// A pool that never handed out a connection has none to retire (and no pool bean yet).
			if (pool.getHikariPoolMXBean() != null) {
				pool.getHikariPoolMXBean().softEvictConnections();
			}
		}
	}

	@Override
	public void close() {
		exports.close();
		main.close();
	}

	private static HikariDataSource exportPool(HikariDataSource main, ExportPoolProperties properties) {
		HikariDataSource pool = new HikariDataSource();
		// Copied one by one rather than with HikariConfig.copyStateTo, which shares the driver properties object
		// between the two pools and would rename the main pool's connections too.
		if (main.getDataSource() != null) {
			pool.setDataSource(main.getDataSource());
		}
		if (main.getDataSourceClassName() != null) {
			pool.setDataSourceClassName(main.getDataSourceClassName());
		}
		if (main.getDriverClassName() != null) {
			pool.setDriverClassName(main.getDriverClassName());
		}
		pool.setJdbcUrl(main.getJdbcUrl());
		pool.setUsername(main.getUsername());
		pool.setPassword(main.getPassword());
		Properties driverProperties = new Properties();
		driverProperties.putAll(main.getDataSourceProperties());
		driverProperties.setProperty(APPLICATION_NAME, main.getDataSourceProperties().getProperty(APPLICATION_NAME) + "-export");
		pool.setDataSourceProperties(driverProperties);
		pool.setConnectionInitSql(main.getConnectionInitSql());
		pool.setSchema(main.getSchema());
		pool.setCatalog(main.getCatalog());
		pool.setTransactionIsolation(main.getTransactionIsolation());
		pool.setAutoCommit(main.isAutoCommit());
		pool.setMaxLifetime(main.getMaxLifetime());
		pool.setKeepaliveTime(main.getKeepaliveTime());
		pool.setValidationTimeout(main.getValidationTimeout());
		pool.setConnectionTestQuery(main.getConnectionTestQuery());
		pool.setPoolName("tongxin-export");
		pool.setMaximumPoolSize(properties.poolSize());
		// Exports are occasional: their connections close when idle instead of being kept open on the server.
		pool.setMinimumIdle(0);
		pool.setConnectionTimeout(properties.maxWait().toMillis());
		return pool;
	}
}
