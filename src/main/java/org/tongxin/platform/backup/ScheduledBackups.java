package org.tongxin.platform.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongxin.platform.DemoMode;

/**
 * The daily backup of an embedded installation (an external database is backed up with its operator's
 * PostgreSQL tooling): at 02:30 in the display zone a {@link DatabaseBackups} file
 * {@code tongxin-<date>-<time>.zip} in {@code tongxin.backup.directory} (./data/backups; 0700, files 0600: it
 * holds the registry), written whole or not at all, and backups older than {@code tongxin.backup.keep-days}
 * (7) deleted. Copy that folder off the machine: a backup on the same disk does not survive the disk.
 */
@Component
class ScheduledBackups {

	private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final DatabaseBackups backups;

	private final DemoMode installation;

	private final Path directory;

	private final int keepDays;

	private final boolean enabled;

	private final Clock clock;

	ScheduledBackups(DatabaseBackups backups, DemoMode installation,
			@Value("${tongxin.backup.directory:./data/backups}") String directory,
			@Value("${tongxin.backup.keep-days:7}") int keepDays,
			@Value("${tongxin.backup.daily:true}") boolean enabled, Clock clock) {
		this.backups = backups;
		this.installation = installation;
		this.directory = Path.of(directory).toAbsolutePath().normalize();
		this.keepDays = Math.max(1, keepDays);
		this.enabled = enabled;
		this.clock = clock;
	}

	@Scheduled(cron = "${tongxin.backup.cron:0 30 2 * * *}", zone = "${tongxin.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "daily-backup", lockAtLeastFor = "PT5M", lockAtMostFor = "PT3H")
	void daily() {
		if (!enabled || !installation.embeddedDatabase()) {
			return;
		}
		try {
			backUp();
		}
		catch (IOException | RuntimeException e) {
			log.error("The daily backup failed (每日备份失败): {}", e.toString());
		}
	}

	/** Writes today's backup and removes the expired ones; the new file. */
	Path backUp() throws IOException {
		Files.createDirectories(directory);
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
		Path file = directory.resolve("tongxin-" + LocalDateTime.now(clock).format(STAMP) + ".zip");
		Path partial = directory.resolve(file.getFileName() + ".partial");
		Files.deleteIfExists(partial);
		Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		DatabaseBackups.Summary summary;
		try (OutputStream out = Files.newOutputStream(partial)) {
			summary = backups.backup(out);
		}
		Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		int removed = removeExpired();
		log.info("Daily backup {}: {} rows, {} MB; {} expired backups removed", file, summary.counts().total(),
				Files.size(file) >> 20, removed);
		return file;
	}

	private int removeExpired() throws IOException {
		Instant expiry = Instant.now(clock).minus(Duration.ofDays(keepDays));
		List<Path> expired;
		try (Stream<Path> files = Files.list(directory)) {
			expired = files
				.filter(path -> path.getFileName().toString().matches("tongxin-\\d{8}-\\d{6}\\.zip(\\.partial)?"))
				.filter(path -> {
					try {
						return Files.getLastModifiedTime(path).toInstant().isBefore(expiry);
					}
					catch (IOException e) {
						return false;
					}
				})
				.toList();
		}
		for (Path path : expired) {
			Files.deleteIfExists(path);
		}
		return expired.size();
	}
}
