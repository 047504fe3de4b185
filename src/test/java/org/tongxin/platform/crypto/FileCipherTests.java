package org.tongxin.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileCipherTests {

	static final int SEGMENT = 1024;

	static final Map<Integer, String> KEYS = Map.of(1, "kdoj/7USyyM9hOYQ42c3n6c2m29UYgnolZPgC0GAICs=", 2,
			"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

	final FileCipher cipher = new FileCipher(KEYS, 2, SEGMENT);

	byte[] encrypt(byte[] plain) throws IOException {
		ByteArrayOutputStream sink = new ByteArrayOutputStream();
		try (OutputStream out = cipher.encrypting(sink)) {
			// Odd pieces, so that segment boundaries fall inside writes.
			for (int i = 0; i < plain.length; i += 333) {
				out.write(plain, i, Math.min(333, plain.length - i));
			}
		}
		return sink.toByteArray();
	}

	byte[] decrypt(byte[] sealed) throws IOException {
		try (InputStream in = cipher.decrypting(new ByteArrayInputStream(sealed))) {
			return in.readAllBytes();
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 2 * SEGMENT, 7 * SEGMENT + 13 })
	void whatIsEncryptedDecryptsToTheSameBytesWhateverTheSize(int size) throws IOException {
		byte[] plain = new byte[size];
		new Random(size).nextBytes(plain);

		byte[] sealed = encrypt(plain);

		assertThat(decrypt(sealed)).isEqualTo(plain);
		int segments = Math.max(1, (size + SEGMENT - 1) / SEGMENT);
		assertThat(sealed).hasSize(FileCipher.HEADER_BYTES + size + segments * (12 + 16));
		assertThat(FileCipher.isEncrypted(sealed)).isTrue();
	}

	@Test
	void theBytesOnDiskHoldNoneOfThePlainText() throws IOException {
		String csv = "姓名,身份证号码,手机号码\n张三,510104198803057610,13912348832\n";
		byte[] sealed = encrypt(csv.getBytes(StandardCharsets.UTF_8));

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("510104198803057610")
			.doesNotContain("13912348832");
		assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("张三");
		assertThat(new String(decrypt(sealed), StandardCharsets.UTF_8)).isEqualTo(csv);
	}

	@Test
	void anAlteredByteIsRefused() throws IOException {
		byte[] sealed = encrypt(new byte[3 * SEGMENT]);
		sealed[FileCipher.HEADER_BYTES + SEGMENT + 100] ^= 1;

		assertThatThrownBy(() -> decrypt(sealed)).isInstanceOf(IOException.class).hasMessageContaining("altered");
	}

	@Test
	void aFileCutAtASegmentBoundaryOrWithSegmentsSwappedIsRefused() throws IOException {
		byte[] sealed = encrypt(new byte[3 * SEGMENT]);
		int record = 12 + SEGMENT + 16;

		byte[] cut = Arrays.copyOf(sealed, FileCipher.HEADER_BYTES + 2 * record);
		assertThatThrownBy(() -> decrypt(cut)).isInstanceOf(IOException.class);

		byte[] swapped = sealed.clone();
		System.arraycopy(sealed, FileCipher.HEADER_BYTES, swapped, FileCipher.HEADER_BYTES + record, record);
		System.arraycopy(sealed, FileCipher.HEADER_BYTES + record, swapped, FileCipher.HEADER_BYTES, record);
		assertThatThrownBy(() -> decrypt(swapped)).isInstanceOf(IOException.class);

		byte[] headerOnly = Arrays.copyOf(sealed, FileCipher.HEADER_BYTES);
		assertThatThrownBy(() -> decrypt(headerOnly)).isInstanceOf(IOException.class);
	}

	@Test
	void aFileInClearIsNotTakenForAnEncryptedOne() {
		byte[] plain = "姓名,身份证号码\n".getBytes(StandardCharsets.UTF_8);

		assertThat(FileCipher.isEncrypted(plain)).isFalse();
		assertThatThrownBy(() -> decrypt(plain)).isInstanceOf(IOException.class);
	}

	@Test
	void aFileEncryptedWithAnEarlierKeyStaysReadableAfterARotation() throws IOException {
		FileCipher before = new FileCipher(KEYS, 1, SEGMENT);
		ByteArrayOutputStream sink = new ByteArrayOutputStream();
		try (OutputStream out = before.encrypting(sink)) {
			out.write("旧密钥".getBytes(StandardCharsets.UTF_8));
		}

		assertThat(new String(decrypt(sink.toByteArray()), StandardCharsets.UTF_8)).isEqualTo("旧密钥");
		FileCipher withoutKeyOne = new FileCipher(Map.of(2, KEYS.get(2)), 2, SEGMENT);
		assertThatThrownBy(() -> withoutKeyOne.decrypting(new ByteArrayInputStream(sink.toByteArray())))
			.hasMessageContaining("key 1");
	}

	/**
	 * 20 MB pass through in both directions with a window of one segment: the writer has handed all but the
	 * last segment to the disk before it is closed, and the reader returns the first bytes after reading two
	 * segments — where the JDK's GCM CipherInputStream would read all 20 MB first.
	 */
	@Test
	void twentyMegabytesStreamWithoutBeingHeldInMemory() throws IOException {
		FileCipher cipher = new FileCipher(KEYS, 2, 64 * 1024);
		int size = 20 * 1024 * 1024;
		int segment = 64 * 1024;
		int record = 12 + segment + 16;
		ByteArrayOutputStream sink = new ByteArrayOutputStream(size + size / 100);
		byte[] piece = new byte[8192];
		Random random = new Random(20);
		ByteArrayOutputStream expected = new ByteArrayOutputStream(size);
		OutputStream out = cipher.encrypting(sink);
		for (int written = 0; written < size; written += piece.length) {
			random.nextBytes(piece);
			out.write(piece);
			expected.write(piece);
			assertThat(sink.size()).isGreaterThanOrEqualTo(written + piece.length - segment);
		}
		out.close();

		long[] consumed = { 0 };
		InputStream counting = new FilterInputStream(new ByteArrayInputStream(sink.toByteArray())) {

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				int n = super.read(b, off, len);
				consumed[0] += Math.max(n, 0);
				return n;
			}
		};
		try (InputStream in = cipher.decrypting(counting)) {
			byte[] first = in.readNBytes(1000);
			assertThat(first).isEqualTo(Arrays.copyOf(expected.toByteArray(), 1000));
			assertThat(consumed[0]).isLessThanOrEqualTo(FileCipher.HEADER_BYTES + 2L * record);
			byte[] rest = in.readAllBytes();
			assertThat(first.length + rest.length).isEqualTo(size);
			assertThat(Arrays.equals(rest, Arrays.copyOfRange(expected.toByteArray(), 1000, size))).isTrue();
		}
	}
}
