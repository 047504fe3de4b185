package org.tongxin.deployment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The operator's PostgreSQL that the deployment tests run against, named as an operator names it to Tongxin:
 * {@code TONGXIN_DB_URL}, {@code TONGXIN_DB_USER}, {@code TONGXIN_DB_PASSWORD} (.ci/run installs Debian's
 * postgresql and sets them). The account is an ordinary role with CREATEDB, not a superuser, so the tests
 * also show that Tongxin needs no more: ltree and pg_trgm are trusted extensions, which a database's owner
 * may create. Each test class gets a database of its own, dropped afterwards, so that runs do not meet.
 *
 * <p>Unset variables fail the tests instead of skipping them: the profile that runs them is there to run them.
 */
record ExternalServer(String url, String user, String password) {

	static ExternalServer fromEnvironment() {
		String url = System.getenv("TONGXIN_DB_URL");
		if (url == null || url.isBlank()) {
			throw new IllegalStateException("TONGXIN_DB_URL is not set: the deployment tests need an external "
					+ "PostgreSQL (see .ci/run, which installs one)");
		}
		return new ExternalServer(url, System.getenv().getOrDefault("TONGXIN_DB_USER", ""),
				System.getenv().getOrDefault("TONGXIN_DB_PASSWORD", ""));
	}

	/** A new, empty database on this server, owned by the test's account. */
	Database createDatabase(String purpose) {
		String name = "tongxin_" + purpose + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		execute("create database " + name);
		return new Database(this, name);
	}

	Connection connect(String jdbcUrl) throws SQLException {
		return DriverManager.getConnection(jdbcUrl, user, password);
	}

	private void execute(String statement) {
		try (Connection connection = connect(url); Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
		catch (SQLException e) {
			throw new IllegalStateException(statement + ": " + e.getMessage(), e);
		}
	}

	/** One database of the server: its JDBC URL is the server's with the database name replaced. */
	record Database(ExternalServer server, String name) implements AutoCloseable {

		String url() {
			int slash = server.url.indexOf('/', "jdbc:postgresql://".length());
			int query = server.url.indexOf('?', slash);
			return server.url.substring(0, slash + 1) + name + (query < 0 ? "" : server.url.substring(query));
		}

		Connection connect() throws SQLException {
			return server.connect(url());
		}

		@Override
		public void close() {
			// "with (force)" (PostgreSQL 13+) ends the connections of a node that was killed and not yet noticed.
			server.execute("drop database if exists " + name + " with (force)");
		}
	}
}
