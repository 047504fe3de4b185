package org.tongxin.platform.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.tongxin.platform.database.EmbeddedServer;

/**
 * {@code java -jar tongxin.jar backup --to FILE} and {@code restore --from FILE [--force]}: the application
 * started without its scheduler, migrations and start-up work (its web server on a free port of 127.0.0.1 only),
 * to copy its database out or in ({@link DatabaseBackups}), then stopped.
 * <ul>
 * <li>With an external database ({@code TONGXIN_DB_URL}) both work on it; a restore needs it empty.</li>
 * <li>With the embedded one, a backup reads the running Tongxin's server when one runs (one snapshot, people
 * may go on working) or starts the server itself; a restore needs Tongxin stopped and an empty data directory
 * ({@code --force} moves a non-empty one aside, never deletes it).</li>
 * </ul>
 */
public final class MaintenanceCommand {

	private MaintenanceCommand() {
	}

	public static boolean handles(String[] args) {
		return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
	}

	/** Runs the command; the process's exit code (0: done). */
	public static int run(Class<?> application, String[] args) {
		String command = args[0];
		String file = null;
		boolean force = false;
		List<String> passed = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			switch (args[i]) {
				case "--to", "--from" -> file = i + 1 < args.length ? args[++i] : null;
				case "--force" -> force = true;
				default -> passed.add(args[i]);
			}
		}
		if (file == null) {
			System.err.println("usage: java -jar tongxin.jar backup --to FILE | restore --from FILE [--force]");
			return 2;
		}
		List<String> properties = new ArrayList<>(passed);
		properties.add("--tongxin.tool.command=" + command);
		properties.add("--tongxin.tool.file=" + Path.of(file).toAbsolutePath());
		properties.add("--tongxin.tool.force=" + force);
		properties.add("--spring.flyway.enabled=false");
		// Spring Modulith's Moments switch scheduling on by themselves (and Tongxin does not use them).
		properties.add("--spring.modulith.moments.enabled=false");
		properties.add("--spring.main.banner-mode=off");
		try {
			if (isBlank(System.getenv("TONGXIN_DB_URL"))) {
				embedded(command, force, properties);
			}
		}
		catch (IllegalStateException | IOException e) {
			System.err.println(e.getMessage());
			return 1;
		}
		// The web layer's beans are part of the application; its server listens, briefly, on a free local port only.
		properties.add("--server.port=0");
		properties.add("--server.address=127.0.0.1");
		SpringApplication app = new SpringApplication(application);
		// The command's runner ends the process with its exit code (ToolRunner); reaching here is a failure.
		app.run(properties.toArray(String[]::new));
		return 1;
	}

	/** Where the embedded database is, and what the command may do with it. */
	private static void embedded(String command, boolean force, List<String> properties) throws IOException {
		Path directory = Path.of(System.getenv().getOrDefault("TONGXIN_DATA_DIR", "./data/pg")).toAbsolutePath()
			.normalize();
		String runningPort = runningPort(directory);
		if (command.equals("backup")) {
			if (runningPort != null) {
				// Tongxin runs: read its server, which trusts local connections of the superuser.
				properties.add("--spring.datasource.url=jdbc:postgresql://localhost:" + runningPort + "/tongxin");
				properties.add("--spring.datasource.username=postgres");
				// Still the embedded installation: demo mode as it decides for that ("auto" means on), so that its
				// keys are accepted as they are by the running application.
				String demo = System.getenv().getOrDefault("TONGXIN_DEMO", "auto").strip().toLowerCase();
				if (demo.equals("auto")) {
					properties.add("--tongxin.demo.mode=on");
					properties.add("--tongxin.demo.force=true");
				}
			}
			return;
		}
		if (runningPort != null) {
			throw new IllegalStateException("Tongxin is running on " + directory + ": stop it before a restore"
					+ " (请先停止同心再恢复)");
		}
		if (Files.isDirectory(directory) && !empty(directory)) {
			if (!force) {
				throw new IllegalStateException(directory + " is not empty: a restore goes into an empty data directory;"
						+ " --force moves this one aside (数据目录不是空的；加 --force 会把它移到一旁)");
			}
			Path aside = directory.resolveSibling(directory.getFileName() + ".before-restore-"
					+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
			Files.move(directory, aside);
			System.err.println("The data directory was moved aside to " + aside);
		}
	}

	/** The port of a postmaster that runs on {@code directory} (line 4 of postmaster.pid), or null. */
	private static String runningPort(Path directory) throws IOException {
		Path pid = directory.resolve("postmaster.pid");
		if (!Files.exists(pid)) {
			return null;
		}
		List<String> lines = Files.readAllLines(pid);
		if (lines.size() < 4) {
			return null;
		}
		try {
			long process = Long.parseLong(lines.getFirst().strip());
			return EmbeddedServer.alive(process) ? lines.get(3).strip() : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static boolean empty(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}
}
