package org.tongxin.platform.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signed anchors of the audit chain: at start and then every {@code tongxin.audit.anchor-interval}
 * (default 1 h), the id, hash and time of the last entry and the number of entries, signed with the audit
 * key, appended as one line to {@code tongxin.audit.anchor-file} (a 0700 directory, a 0600 file, outside
 * the database). The chain alone cannot show that its newest entries were removed, since what remains
 * still links; the last anchor names an entry that must still be there, with the same hash.
 * <p>
 * One node writes anchors: with several nodes, set the interval on one of them only (or add ShedLock, not
 * needed while Tongxin runs as one node). Copy the file off the machine (syslog, backup) to protect it from
 * someone who can also write the file system.
 */
@Component
public class AuditAnchors {

	private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);

	private static final String PREFIX = "anchor v1 ";

	private final JdbcClient jdbc;

	private final AuditChain chain;

	private final Path file;

	AuditAnchors(JdbcClient jdbc, AuditChain chain, @Value("${tongxin.audit.anchor-file:./data/audit-anchors/anchors.log}") String file) {
		this.jdbc = jdbc;
		this.chain = chain;
		this.file = Path.of(file).toAbsolutePath();
	}

	/**
	 * One anchor as written.
	 *
	 * @param entryAt the time of the anchored entry, so that its removal by the retention job is told from
	 * a removal by hand
	 */
	public record Anchor(Instant at, long lastId, Instant entryAt, long count, String lastHash) {

		String text() {
			return PREFIX + "at=" + at + " id=" + lastId + " entry-at=" + entryAt + " count=" + count + " hash="
					+ lastHash;
		}
	}

	/** The last line of the file: an anchor whose signature held, or a line that does not verify. */
	public sealed interface Last {
	}

	public record Signed(Anchor anchor) implements Last {
	}

	public record Forged(String line) implements Last {
	}

	Path file() {
		return file;
	}

	/** Appends an anchor of the chain as it is now; nothing while the log is empty or when the file cannot be written. */
	@Scheduled(fixedDelayString = "${tongxin.audit.anchor-interval:1h}")
	// With several nodes one of them anchors each hour: the lock is held at least 50 minutes.
	@SchedulerLock(name = "audit-anchor", lockAtLeastFor = "PT50M", lockAtMostFor = "PT55M")
	public Optional<Anchor> write() {
		// One statement, one snapshot: the count and the last entry agree.
		Optional<Anchor> anchor = jdbc.sql("""
				select id, at, hash, (select count(*) from platform_audit_log) as n
				from platform_audit_log order by id desc limit 1""")
			.query((rs, n) -> new Anchor(Instant.now(), rs.getLong("id"),
					rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getLong("n"), rs.getString("hash")))
			.optional();
		return anchor.filter(this::append);
	}

	private boolean append(Anchor anchor) {
		String text = anchor.text();
		String line = text + " alg=" + chain.algorithm() + " mac=" + chain.sign(text + " alg=" + chain.algorithm())
				+ "\n";
		try {
			createDirectory();
			boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
			FileAttribute<?>[] mode = posix
					? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) }
					: new FileAttribute<?>[0];
			try (FileChannel out = FileChannel.open(file,
					Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), mode)) {
				out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
				out.force(true);
			}
			return true;
		}
		catch (IOException e) {
			// An anchor missed is reported, not fatal: the chain itself is still written and verifiable.
			log.error("Could not append the audit anchor to {}", file, e);
			return false;
		}
	}

	private void createDirectory() throws IOException {
		Path dir = file.getParent();
		if (Files.isDirectory(dir)) {
			return;
		}
		if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		else {
			Files.createDirectories(dir);
		}
	}

	/**
	 * The last anchor of the file written before {@code cutoff}, or empty when there is none. A verifier
	 * passes the time it began, so that an anchor written while it reads (naming an entry its snapshot cannot
	 * see yet) is not taken for a removed tail. A line that does not verify is returned as it is: its time
	 * cannot be trusted.
	 */
	public Optional<Last> lastBefore(Instant cutoff) {
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (lines.get(i).isBlank()) {
				continue;
			}
			Last last = parse(lines.get(i));
			if (last instanceof Signed(Anchor anchor) && !anchor.at().isBefore(cutoff)) {
				continue;
			}
			return Optional.of(last);
		}
		return Optional.empty();
	}

	private Last parse(String line) {
		int alg = line.lastIndexOf(" alg=");
		int mac = line.lastIndexOf(" mac=");
		if (!line.startsWith(PREFIX) || alg < 0 || mac < alg) {
			return new Forged(line);
		}
		String algorithm = line.substring(alg + 5, mac);
		try {
			if (!chain.signed(algorithm, line.substring(0, mac), line.substring(mac + 5))) {
				return new Forged(line);
			}
		}
		catch (IllegalArgumentException unknownAlgorithm) {
			return new Forged(line);
		}
		String[] parts = line.substring(PREFIX.length(), alg).split(" ");
		try {
			return new Signed(new Anchor(Instant.parse(value(parts, "at")), Long.parseLong(value(parts, "id")),
					Instant.parse(value(parts, "entry-at")), Long.parseLong(value(parts, "count")),
					value(parts, "hash")));
		}
		catch (DateTimeParseException | NumberFormatException e) {
			return new Forged(line);
		}
	}

	private static String value(String[] parts, String name) {
		for (String part : parts) {
			if (part.startsWith(name + "=")) {
				return part.substring(name.length() + 1);
			}
		}
		throw new NumberFormatException("no " + name);
	}
}
