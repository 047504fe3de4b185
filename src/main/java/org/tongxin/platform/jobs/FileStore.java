package org.tongxin.platform.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Job files on disk, outside the web root, under names that carry no user input; the database keeps
 * their SHA-256 so that a file changed on disk is noticed when it is read.
 */
@Component
class FileStore {

	record Stored(String location, long size, String sha256) {
	}

	private final Path root;

	FileStore(@Value("${tongxin.files.directory:./data/files}") String directory) throws IOException {
		// Normalised: a relative directory ("./data/files") would otherwise never contain the normalised paths of open().
		this.root = Files.createDirectories(Path.of(directory).toAbsolutePath().normalize());
	}

	Stored write(JobContext.OutputWriter writer) throws IOException {
		LocalDate today = LocalDate.now();
		String location = today.getYear() + "/" + String.format("%02d", today.getMonthValue()) + "/" + UUID.randomUUID();
		Path target = root.resolve(location);
		Files.createDirectories(target.getParent());
		Path partial = target.resolveSibling(target.getFileName() + ".part");
		MessageDigest sha256 = sha256();
		try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
			writer.write(out);
		}
		Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		return new Stored(location, Files.size(target), HexFormat.of().formatHex(sha256.digest()));
	}

	Stored write(InputStream content) throws IOException {
		return write(out -> content.transferTo(out));
	}

	InputStream open(String location) throws IOException {
		Path file = root.resolve(location).normalize();
		if (!file.startsWith(root)) {
			throw new IOException("outside the file store: " + location);
		}
		return Files.newInputStream(file);
	}

	void delete(String location) throws IOException {
		Files.deleteIfExists(root.resolve(location).normalize());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
