package org.tongxin.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how the embedded PostgreSQL keeps its data.
 *
 * @param dataDirectory survives restarts; back it up with pg_dump (README)
 * @param port fixed so that psql and pg_dump can reach it; 0 picks a free port (tests)
 * @param clean wipe the data directory at start (tests only)
 * @param systemAccount the account PostgreSQL runs as when Tongxin runs as root (created if missing)
 */
@ConfigurationProperties("tongxin.database.embedded")
record EmbeddedDatabaseProperties(String dataDirectory, int port, boolean clean,
		@DefaultValue("tongxin") String systemAccount) {
}
