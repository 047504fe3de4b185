package org.tongxin.platform.database;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

/**
 * The embedded PostgreSQL, however it was started: by zonky as the current user (the usual case), or by
 * {@link RootPostgres} as a system account when Tongxin runs as root.
 */
public interface EmbeddedServer extends Closeable {

	/** The JDBC URL of {@code database} for {@code user}. */
	String jdbcUrl(String user, String database);

	/** The maintenance database, for creating Tongxin's own. */
	DataSource postgresDatabase();

	/** Another database of the server, for {@code user} (tests that migrate a database of their own). */
	default DataSource database(String user, String database) {
		org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
		source.setURL(jdbcUrl(user, database));
		return source;
	}

	/** The data directory. */
	Path dataDirectory();

	/**
	 * Whether the postmaster is alive: the process named in {@code postmaster.pid}. Cheap (no connection), so that
	 * it can be asked every second.
	 */
	default boolean running() {
		try {
			List<String> lines = Files.readAllLines(dataDirectory().resolve("postmaster.pid"));
			return !lines.isEmpty() && alive(Long.parseLong(lines.getFirst().strip()));
		}
		catch (IOException | NumberFormatException e) {
			return false;
		}
	}

	/**
	 * Whether process {@code pid} is alive and not a zombie: a postmaster that exited but was not yet reaped by
	 * its parent (pg_ctl's child, adopted by whatever reaps on this machine) still has a process entry.
	 */
	public static boolean alive(long pid) {
		if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
			return false;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			int end = stat.lastIndexOf(')');
			return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
		}
		catch (IOException e) {
			return false;
		}
	}

	/**
	 * Starts the stopped server again with the options it last ran with ({@code pg_ctl restart} reads them from
	 * {@code postmaster.opts}; a pid file of a dead postmaster is passed over).
	 */
	void restart() throws IOException;
}
