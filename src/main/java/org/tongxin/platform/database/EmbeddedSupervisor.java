package org.tongxin.platform.database;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded PostgreSQL running: looks at its postmaster every second and, when it has stopped (killed,
 * crashed, out of disk), says so at once — health DOWN, requests a 503 ({@link DatabaseDownFilter}) instead of
 * waiting for a connection — and starts it again, with waits of 1, 2, 4, 8, 15 and then 30 seconds between
 * attempts (a killed postmaster's children may hold its shared memory for a while), ten attempts in all; then
 * every five minutes. Each attempt and its outcome are logged. Once it runs, the pools retire their connections
 * to the old server, so Tongxin serves again without being restarted.
 */
final class EmbeddedSupervisor {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedSupervisor.class);

	static final List<Duration> WAITS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
			Duration.ofSeconds(8), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(30),
			Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));

	static final Duration AFTER_LAST_ATTEMPT = Duration.ofMinutes(5);

	private static final Duration LOOK_EVERY = Duration.ofSeconds(1);

	private final EmbeddedServer server;

	/** Run when the server runs again: the pools drop their connections to the old one. */
	private final Runnable recovered;

	private volatile boolean available = true;

	private volatile boolean stopping;

	private final Thread watcher;

	EmbeddedSupervisor(EmbeddedServer server, Runnable recovered) {
		this.server = server;
		this.recovered = recovered;
		this.watcher = Thread.ofPlatform().daemon().name("embedded-postgres-supervisor").unstarted(this::watch);
	}

	/** Whether the server is running, as last seen (at most a second ago). */
	boolean available() {
		return available;
	}

	void start() {
		watcher.start();
	}

	/** Stops watching: the application is closing and will stop the server itself. */
	void stop() {
		stopping = true;
		watcher.interrupt();
	}

	private void watch() {
		try {
			while (!stopping) {
				Thread.sleep(LOOK_EVERY);
				try {
					if (!stopping && !server.running()) {
						recover();
					}
				}
				catch (RuntimeException e) {
					// The watch must outlive any one failure, or nothing would restart the server again.
					log.error("The embedded PostgreSQL supervisor failed; watching on", e);
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void recover() throws InterruptedException {
		available = false;
		Instant since = Instant.now();
		log.error("The embedded PostgreSQL has stopped ({}); pages answer 503 until it runs again; restarting it"
				+ " (内置数据库已停止，正在重新启动)", server.dataDirectory());
		for (int attempt = 1; !stopping; attempt++) {
			Duration wait = attempt <= WAITS.size() ? WAITS.get(attempt - 1) : AFTER_LAST_ATTEMPT;
			Thread.sleep(wait);
			if (stopping) {
				return;
			}
			if (server.running()) {
				break;
			}
			try {
				log.warn("Restarting the embedded PostgreSQL, attempt {}", attempt);
				server.restart();
			}
			catch (Exception e) {
				log.warn("Attempt {} to restart the embedded PostgreSQL failed: {}", attempt, e.getMessage());
				if (attempt == WAITS.size()) {
					log.error("The embedded PostgreSQL did not start after {} attempts; trying every {} minutes. "
							+ "See {} (内置数据库无法启动，请查看日志)", attempt, AFTER_LAST_ATTEMPT.toMinutes(),
							server.dataDirectory().resolveSibling("postgresql.log"));
				}
				continue;
			}
			if (server.running()) {
				break;
			}
		}
		if (!stopping) {
			available = true;
			recovered.run();
			log.info("The embedded PostgreSQL runs again after {} s (内置数据库已恢复)",
					Duration.between(since, Instant.now()).toSeconds());
		}
	}
}
