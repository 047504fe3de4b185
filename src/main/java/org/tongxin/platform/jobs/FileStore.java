package org.tongxin.platform.jobs;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongxin.platform.crypto.FileCipher;

/**
 * Job files on disk, outside the web root, under names that carry no user input, encrypted (see
 * {@link FileCipher}) and readable by the application's own system user only: files 0600 in directories
 * 0700. The database keeps the SHA-256 and size of the plain content.
 */
@Component
class FileStore {

	record Stored(String location, long size, String sha256) {
	}

	static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	static final String SCRATCH = "scratch";

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private final Path root;

	private final FileCipher cipher;

	private final Clock clock;

	FileStore(@Value("${tongxin.files.directory:./data/files}") String directory, FileCipher cipher, Clock clock)
			throws IOException {
		// Normalised: a relative directory ("./data/files") would otherwise never contain the normalised paths of open().
		this.root = Path.of(directory).toAbsolutePath().normalize();
		this.cipher = cipher;
		this.clock = clock;
		directories(root);
	}

	Path root() {
		return root;
	}

	/** Where jobs keep working copies while they run: not job files, never encrypted, never listed. */
	Path scratchRoot() {
		return root.resolve(SCRATCH);
	}

	/**
	 * A fresh private directory (0700) for one run of a job, under the store rather than the system's temp
	 * directory, so that what a crashed run leaves behind is found and deleted (see {@link JobFiles}).
	 */
	Path scratch(JobId job) throws IOException {
		Path directory = scratchRoot().resolve(job.value() + "-" + UUID.randomUUID());
		directories(directory);
		return directory;
	}

	static void deleteTree(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (var walk = Files.walk(directory)) {
			for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

	Stored write(JobContext.OutputWriter writer) throws IOException {
		LocalDate today = LocalDate.now(clock);
		String location = today.getYear() + "/" + String.format("%02d", today.getMonthValue()) + "/" + UUID.randomUUID();
		Path target = root.resolve(location);
		directories(target.getParent());
		Path partial = target.resolveSibling(target.getFileName() + ".part");
		MessageDigest sha256 = sha256();
		Counting counted;
		try (OutputStream out = new DigestOutputStream(
				counted = new Counting(cipher.encrypting(new BufferedOutputStream(create(partial), 64 * 1024))), sha256)) {
			writer.write(out);
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(partial);
			throw e;
		}
		Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		return new Stored(location, counted.count, HexFormat.of().formatHex(sha256.digest()));
	}

	Stored write(InputStream content) throws IOException {
		return write(out -> content.transferTo(out));
	}

	/** The plain content; a file altered on disk fails the read. */
	InputStream open(String location) throws IOException {
		return cipher.decrypting(Files.newInputStream(resolve(location)));
	}

	boolean exists(String location) throws IOException {
		return Files.isRegularFile(resolve(location));
	}

	void delete(String location) throws IOException {
		Files.deleteIfExists(resolve(location));
	}

	/**
	 * Replaces a file written in clear by an earlier version with its encrypted form, in place; the caller
	 * has checked that it is not encrypted yet.
	 */
	void encryptInPlace(Path file) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".part");
		try (InputStream in = Files.newInputStream(file);
				OutputStream out = cipher.encrypting(new BufferedOutputStream(create(partial), 64 * 1024))) {
			in.transferTo(out);
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(partial);
			throw e;
		}
		Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Narrows the permissions of a file or directory written by an earlier version (0644 / 0755). */
	static void restrict(Path path) throws IOException {
		if (POSIX) {
			Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
		}
	}

	private Path resolve(String location) throws IOException {
		Path file = root.resolve(location).normalize();
		if (!file.startsWith(root)) {
			throw new IOException("outside the file store: " + location);
		}
		return file;
	}

	/**
	 * Created 0600 from the start (not narrowed afterwards: there would be a moment in which others may open
	 * it), and set again explicitly because the umask may take permissions away but never adds any.
	 */
	private static OutputStream create(Path file) throws IOException {
		OutputStream out;
		if (POSIX) {
			FileAttribute<Set<PosixFilePermission>> owner = PosixFilePermissions.asFileAttribute(FILE);
			out = Channels.newOutputStream(Files.newByteChannel(file,
					Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
					owner));
			Files.setPosixFilePermissions(file, FILE);
		}
		else {
			out = Files.newOutputStream(file);
		}
		return out;
	}

	/** Creates the directory and any missing parents below the root 0700, and narrows existing ones. */
	private void directories(Path directory) throws IOException {
		if (POSIX) {
			Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
			for (Path d = directory; d != null && d.startsWith(root); d = d.getParent()) {
				Files.setPosixFilePermissions(d, DIRECTORY);
			}
		}
		else {
			Files.createDirectories(directory);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Counts the plain bytes on their way to the cipher. */
	private static final class Counting extends FilterOutputStream {

		private long count;

		Counting(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
			count += len;
		}
	}
}
