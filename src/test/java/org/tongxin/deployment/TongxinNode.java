package org.tongxin.deployment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One Tongxin node as an operator runs it: {@code java -jar} on the packaged application (built by the
 * {@code package} phase before the deployment tests run), the external database in {@code TONGXIN_DB_URL}, a
 * port and a log of its own. Demo mode is forced on so that the demo accounts and units exist; the demo
 * registry is kept small.
 */
final class TongxinNode implements AutoCloseable {

	private static final Duration START_LIMIT = Duration.ofMinutes(4);

	private final String name;

	private final Process process;

	private final URI base;

	private final Path log;

	private TongxinNode(String name, Process process, URI base, Path log) {
		this.name = name;
		this.process = process;
		this.base = base;
		this.log = log;
	}

	/**
	 * Starts a node and waits until it answers its health endpoint. {@code files} is the job-file folder: nodes
	 * of one installation share it (an upload received by one node may be imported by another).
	 */
	static TongxinNode start(String name, ExternalServer.Database database, Path work, Path files,
			Map<String, String> settings) throws IOException, InterruptedException {
		int port = freePort();
		Path log = work.resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-Xmx768m", "-jar", jar().toString())
			.directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.put("TONGXIN_DB_URL", database.url());
		env.put("TONGXIN_DB_USER", database.server().user());
		env.put("TONGXIN_DB_PASSWORD", database.server().password());
		env.put("PORT", Integer.toString(port));
		env.put("TONGXIN_DEMO", "on");
		env.put("TONGXIN_DEMO_FORCE", "true");
		env.put("TONGXIN_DEMO_PEOPLE", "600");
		env.put("TONGXIN_FILES_DIR", files.toString());
		env.put("TONGXIN_AUDIT_ANCHOR_FILE", work.resolve("anchors-" + name + "/anchors.log").toString());
		env.putAll(settings);
		TongxinNode node = new TongxinNode(name, builder.start(), URI.create("http://localhost:" + port), log);
		node.awaitHealthy();
		return node;
	}

	URI base() {
		return base;
	}

	String name() {
		return name;
	}

	/** kill -9: the node ends without a word to anyone, as in a crash or an OOM kill. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	boolean alive() {
		return process.isAlive();
	}

	String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(log);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	/** The first match of {@code pattern}'s group 1 in the node's log (e.g. an id the node logged at its start). */
	String logged(java.util.regex.Pattern pattern) throws IOException {
		java.util.regex.Matcher matcher = pattern.matcher(Files.readString(log));
		if (!matcher.find()) {
			throw new IllegalStateException("node " + name + " never logged " + pattern);
		}
		return matcher.group(1);
	}

	/** A graceful stop (SIGTERM), then kill -9 after 30 s. */
	@Override
	public void close() throws InterruptedException {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			kill();
		}
	}

	private void awaitHealthy() throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant deadline = Instant.now().plus(START_LIMIT);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("node " + name + " exited during its start:\n" + logTail(60));
			}
			try {
				HttpResponse<Void> health = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
					.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(1000);
		}
		process.destroyForcibly();
		throw new IllegalStateException("node " + name + " not healthy after " + START_LIMIT + ":\n" + logTail(60));
	}

	private static String javaCommand() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	/** The executable jar of this build (target/tongxin-*.jar, not the plain one Boot keeps as .original). */
	static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("tongxin-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no target/tongxin-*.jar: run the package phase first"))
				.toAbsolutePath();
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
