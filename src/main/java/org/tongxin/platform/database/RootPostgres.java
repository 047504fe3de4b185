package org.tongxin.platform.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded PostgreSQL when Tongxin runs as root: PostgreSQL refuses to run as root, so its programs run as
 * an unprivileged system account (docs/decisions/0012). On the first start as root the account is created
 * ({@code useradd --system}), the data directory is given to it, and each directory above the data directory
 * that the account could not pass gets the search bit for others ({@code chmod o+x}, as .ci/run does for its
 * clone); every change is logged. The server is then started without zonky, which as root runs PostgreSQL in
 * a user namespace ({@code unshare -U}): still user 0 to every file, only without capabilities, and refused
 * by most container runtimes. Here the same zonky binaries run through {@code runuser} as the account, which
 * owns the data and nothing else.
 */
final class RootPostgres {

	private static final Logger log = LoggerFactory.getLogger(RootPostgres.class);

	private final String account;

	RootPostgres(String account) {
		this.account = account;
	}

	/** Whether this process runs as root (the owner of /proc/self is the process's user). */
	static boolean runningAsRoot() {
		try {
			return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	/**
	 * Makes {@code dataDirectory} and {@code runtime} (where the binaries are unpacked) the account's, creating
	 * the account if there is none yet, and lets it reach them.
	 */
	void prepare(Path dataDirectory, Path runtime) throws IOException {
		if (!succeeds("runuser", "--help")) {
			throw new IllegalStateException("""
					Tongxin runs as root, and the embedded PostgreSQL must run as an ordinary account; that needs the \
					runuser program (util-linux), which this machine lacks (内置数据库需以普通账户运行，缺少 runuser).""");
		}
		if (!succeeds("id", "-u", account)) {
			run("useradd", "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell",
					"/usr/sbin/nologin", account);
			log.warn("Tongxin runs as root: created the system account '{}' to run the embedded PostgreSQL "
					+ "(以 root 运行：已创建系统账户 {} 运行内置数据库)", account, account);
		}
		for (Path directory : List.of(dataDirectory, runtime)) {
			Files.createDirectories(directory);
			if (!account.equals(Files.getOwner(directory).getName())) {
				log.info("Giving {} to the account '{}'", directory, account);
				run("chown", "-R", account + ":" + account, directory.toString());
			}
			// PostgreSQL wants its data directory private to its account.
			run("chmod", "700", directory.toString());
			letThrough(directory.getParent());
		}
	}

	/** Each directory from {@code directory} up to / that the account cannot pass gets o+x, with a log line. */
	private void letThrough(Path directory) throws IOException {
		for (Path dir = directory; dir != null; dir = dir.getParent()) {
			if (!succeeds("runuser", "-u", account, "--", "test", "-x", dir.toString())) {
				log.warn("Letting the account '{}' pass through {} (chmod o+x) so that PostgreSQL reaches its data",
						account, dir);
				run("chmod", "o+x", dir.toString());
			}
		}
	}

	/**
	 * Starts the server: unpacks the zonky binaries into {@code runtime} (once), runs initdb on an empty data
	 * directory, stops a server a previous start left running (the Java process crashed: the server kept
	 * running and would refuse a second one), and starts it with {@code pg_ctl}, all as the account.
	 */
	EmbeddedServer start(Path dataDirectory, Path runtime, int port, Map<String, String> serverConfig,
			Map<String, String> localeConfig) throws IOException {
		// Held while this application runs: a second start on the same data refuses instead of stopping our server.
		java.nio.channels.FileChannel lockChannel = java.nio.channels.FileChannel.open(runtime.resolve("tongxin.lock"),
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
		java.nio.channels.FileLock lock = lockChannel.tryLock();
		if (lock == null) {
			lockChannel.close();
			throw new IllegalStateException("Another Tongxin runs on " + dataDirectory
					+ " (另一个同心实例正在使用该数据目录)");
		}
		Path bin = unpack(runtime).resolve("bin");
		if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
			List<String> initdb = new ArrayList<>(List.of(bin.resolve("initdb").toString(), "-A", "trust", "-U",
					"postgres", "-D", dataDirectory.toString(), "-E", "UTF-8"));
			localeConfig.forEach((key, value) -> initdb.add("--" + key + "=" + value));
			asAccount(initdb);
		}
		String pgCtl = bin.resolve("pg_ctl").toString();
		if (succeedsAsAccount(pgCtl, "status", "-D", dataDirectory.toString())) {
			log.warn("A PostgreSQL left running by a previous start holds {}: stopping it (上次运行遗留的数据库进程，正在停止)",
					dataDirectory);
			asAccount(List.of(pgCtl, "stop", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60"));
		}
		int chosen = port > 0 ? port : freePort();
		StringBuilder options = new StringBuilder("-p " + chosen + " -c listen_addresses=localhost");
		serverConfig.forEach((key, value) -> options.append(" -c ").append(key).append('=').append(value));
		Path serverLog = runtime.resolve("postgresql.log");
		asAccount(List.of(pgCtl, "start", "-D", dataDirectory.toString(), "-w", "-t", "60", "-o", options.toString(),
				"-l", serverLog.toString()));
		log.info("Embedded PostgreSQL started as the system account '{}' on port {}", account, chosen);
		return new Started(pgCtl, dataDirectory, chosen, serverLog, lockChannel);
	}

	/** The server started by {@link #start}; closing it stops it. */
	private final class Started implements EmbeddedServer {

		private final String pgCtl;

		private final Path dataDirectory;

		private final int port;

		private final Path log;

		private final java.nio.channels.FileChannel lock;

		Started(String pgCtl, Path dataDirectory, int port, Path log, java.nio.channels.FileChannel lock) {
			this.pgCtl = pgCtl;
			this.dataDirectory = dataDirectory;
			this.port = port;
			this.log = log;
			this.lock = lock;
		}

		@Override
		public String jdbcUrl(String user, String database) {
			return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=" + user;
		}

		@Override
		public DataSource postgresDatabase() {
			PGSimpleDataSource source = new PGSimpleDataSource();
			source.setURL(jdbcUrl("postgres", "postgres"));
			return source;
		}

		@Override
		public Path dataDirectory() {
			return dataDirectory;
		}

		@Override
		public void restart() throws IOException {
			asAccount(List.of(pgCtl, "restart", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60", "-l",
					log.toString()));
		}

		@Override
		public void close() throws IOException {
			try {
				asAccount(List.of(pgCtl, "stop", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60"));
			}
			finally {
				lock.close();
			}
		}
	}

	/** The zonky binaries (the same archive zonky itself unpacks), unpacked once into {@code runtime}. */
	private Path unpack(Path runtime) throws IOException {
		Path home = runtime.resolve("postgres-17");
		Path ready = home.resolve(".unpacked");
		if (Files.exists(ready)) {
			return home;
		}
		FileSystemUtils.deleteRecursively(home);
		Files.createDirectories(home);
		try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
				TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				Path target = home.resolve(entry.getName()).normalize();
				if (!target.startsWith(home)) {
					throw new IOException("archive entry outside its directory: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(target.getParent());
					Files.deleteIfExists(target);
					Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
					Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions
						.fromString((entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
				}
			}
		}
		run("chown", "-R", account + ":" + account, home.toString());
		Files.createFile(ready);
		return home;
	}

	private static int freePort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private void asAccount(List<String> command) throws IOException {
		List<String> full = new ArrayList<>(List.of("runuser", "-u", account, "--"));
		full.addAll(command);
		run(full.toArray(String[]::new));
	}

	private boolean succeedsAsAccount(String... command) {
		List<String> full = new ArrayList<>(List.of("runuser", "-u", account, "--"));
		full.addAll(List.of(command));
		return succeeds(full.toArray(String[]::new));
	}

	private static boolean succeeds(String... command) {
		try {
			return exec(command).exitCode == 0;
		}
		catch (IOException e) {
			return false;
		}
	}

	static void run(String... command) throws IOException {
		Result result = exec(command);
		if (result.exitCode != 0) {
			throw new IOException(String.join(" ", command) + " failed (" + result.exitCode + "): " + result.output);
		}
	}

	private record Result(int exitCode, String output) {
	}

	private static Result exec(String... command) throws IOException {
		Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException(String.join(" ", command) + " did not finish");
			}
			return new Result(process.exitValue(), output);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
	}
}
