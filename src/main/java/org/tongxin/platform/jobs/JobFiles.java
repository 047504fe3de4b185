package org.tongxin.platform.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongxin.platform.crypto.FileCipher;

/**
 * How long job files live. An upload holds a unit's people with their ID numbers: it is deleted as soon as
 * its job has ended (succeeded, failed or cancelled) — unless the job kept it for a while (a dry run, for the
 * real import) — and a report once {@code tongxin.files.error-report-retention} has passed. A scheduled sweep
 * deletes what the immediate deletion missed (a crash in between, a kept upload whose time ran out).
 * <p>
 * On startup, files written in clear by versions before the encryption are encrypted in place when their
 * job still needs them, and deleted otherwise; files that no job refers to are deleted. Running it again
 * changes nothing (encrypted files are recognised by their header).
 */
@Component
class JobFiles {

	private static final Logger log = LoggerFactory.getLogger(JobFiles.class);

	/** A file younger than this may belong to a job whose row is not committed yet. */
	private static final Duration ORPHAN_GRACE = Duration.ofHours(1);

	private final Jobs jobs;

	private final FileStore files;

	private final Duration reportRetention;

	JobFiles(Jobs jobs, FileStore files,
			@Value("${tongxin.files.error-report-retention:30d}") Duration reportRetention) {
		this.jobs = jobs;
		this.files = files;
		this.reportRetention = reportRetention;
	}

	/** Deletes the inputs of a job that has just ended, unless it keeps them. */
	void ended(JobId job) {
		try {
			delete(jobs.unneeded(job, reportRetention));
		}
		catch (RuntimeException e) {
			log.warn("Could not look up the files of ended job {}; the sweep will delete them: {}", job, e.toString());
		}
	}

	@Scheduled(fixedDelayString = "${tongxin.files.cleanup:1h}", initialDelayString = "${tongxin.files.cleanup:1h}")
	@SchedulerLock(name = "job-files-sweep", lockAtLeastFor = "PT5M", lockAtMostFor = "PT30M")
	int sweep() {
		sweepScratch();
		return delete(jobs.unneeded(null, reportRetention));
	}

	/** Deletes the scratch directories of runs that are over: their job has ended, or was requeued after a crash. */
	int sweepScratch() {
		Path scratch = files.scratchRoot();
		if (!Files.isDirectory(scratch)) {
			return 0;
		}
		int deleted = 0;
		try (Stream<Path> runs = Files.list(scratch)) {
			for (Path run : runs.toList()) {
				String name = run.getFileName().toString();
				Long job = name.matches("\\d+-.*") ? Long.valueOf(name.substring(0, name.indexOf('-'))) : null;
				// A running job may be using it; a dead run's directory goes once its job is no longer running.
				if (job == null || !jobs.running(new JobId(job))) {
					FileStore.deleteTree(run);
					deleted++;
				}
			}
		}
		catch (IOException | RuntimeException e) {
			log.warn("Could not clean the scratch directories: {}", e.toString());
		}
		return deleted;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStartup() {
		migrate();
		sweep();
	}

	/** What the migration did, for the log and the tests. */
	record Migrated(int encrypted, int deleted, int kept) {
	}

	Migrated migrate() {
		Set<String> needed = Set.copyOf(jobs.locations());
		Set<String> unneeded = Set.copyOf(jobs.unneeded(null, reportRetention).stream().map(StoredFile::location).toList());
		Path root = files.root();
		int[] counts = new int[3];
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path path : walk.toList()) {
				if (path.startsWith(files.scratchRoot())) {
					continue;
				}
				if (Files.isDirectory(path)) {
					FileStore.restrict(path);
					continue;
				}
				if (!Files.isRegularFile(path)) {
					continue;
				}
				String location = root.relativize(path).toString().replace('\\', '/');
				// A file no row refers to may be one being written right now: only old ones are left-overs.
				if (unneeded.contains(location) || !needed.contains(location) && old(path)) {
					Files.deleteIfExists(path);
					counts[1]++;
					continue;
				}
				if (!needed.contains(location)) {
					continue;
				}
				FileStore.restrict(path);
				if (encrypted(path)) {
					counts[2]++;
				}
				else {
					files.encryptInPlace(path);
					counts[0]++;
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("job file migration failed under " + root, e);
		}
		Migrated migrated = new Migrated(counts[0], counts[1], counts[2]);
		if (migrated.encrypted() > 0 || migrated.deleted() > 0) {
			log.info("Job files: {} written in clear encrypted, {} no longer needed deleted, {} already encrypted",
					migrated.encrypted(), migrated.deleted(), migrated.kept());
		}
		return migrated;
	}

	private int delete(List<StoredFile> unneeded) {
		int deleted = 0;
		for (StoredFile file : unneeded) {
			try {
				files.delete(file.location());
				jobs.deleteFile(file.id());
				deleted++;
			}
			catch (IOException | RuntimeException e) {
				// Left for the next sweep; the file's name says nothing about its content.
				log.warn("Could not delete job file {} of job {}: {}", file.id(), file.job(), e.toString());
			}
		}
		if (deleted > 0) {
			log.info("Deleted {} job files no longer needed", deleted);
		}
		return deleted;
	}

	private static boolean encrypted(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return FileCipher.isEncrypted(in.readNBytes(4));
		}
	}

	private static boolean old(Path file) throws IOException {
		FileTime modified = Files.getLastModifiedTime(file);
		return modified.toInstant().isBefore(Instant.now().minus(ORPHAN_GRACE));
	}
}
