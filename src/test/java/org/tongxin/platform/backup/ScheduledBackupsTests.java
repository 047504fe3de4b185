package org.tongxin.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.platform.PlatformTest;

/** The daily backup: a whole file only its owner reads, and backups past the retention removed, newer ones kept. */
@PlatformTest
class ScheduledBackupsTests {

	@Autowired
	ScheduledBackups scheduled;

	@Test
	void theDailyBackupIsWrittenPrivatelyAndExpiredOnesGo() throws Exception {
		Path first = scheduled.backUp();
		Path directory = first.getParent();
		Path expired = directory.resolve("tongxin-20200101-023000.zip");
		Path recent = directory.resolve("tongxin-20991231-023000.zip");
		Path unrelated = directory.resolve("notes.txt");
		for (Path path : new Path[] { expired, recent, unrelated }) {
			Files.writeString(path, "x");
		}
		Files.setLastModifiedTime(expired, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
		Files.setLastModifiedTime(unrelated, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
		Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofDays(6))));
		Thread.sleep(1100);

		Path second = scheduled.backUp();

		assertThat(second).isNotEqualTo(first).exists();
		assertThat(Files.size(second)).isGreaterThan(100_000);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(second))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
		assertThat(expired).doesNotExist();
		assertThat(recent).exists();
		assertThat(unrelated).exists();
		assertThat(directory.resolve(second.getFileName() + ".partial")).doesNotExist();
	}
}
