package org.tongxin.platform.crypto;

import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encryption of files at rest (uploads and reports of background jobs), streamed in segments so that a file
 * of any size passes through a fixed amount of memory in both directions. The JDK's GCM
 * {@code CipherInputStream} holds the whole ciphertext back until the tag is checked, so files get a format
 * of their own (the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár):
 *
 * <pre>
 * header   "TXJF" | version 1 | algorithm (1 = AES-256-GCM) | key id | segment size (int, big-endian)
 * segment  nonce (12 random bytes) | ciphertext of up to segment-size bytes | tag (16)
 * </pre>
 *
 * Every segment is authenticated together with the header, its index and whether it is the last one, so
 * segments cannot be altered, swapped, dropped or cut off at the end without the read failing. The last
 * segment may be empty (an empty file is one empty last segment). The key is derived from the field key of
 * the header's key id (HMAC-SHA256 over a label), so files and fields never share a key and a rotation
 * leaves old files readable as long as their key stays configured.
 */
@Component
public final class FileCipher {

	static final byte[] MAGIC = { 'T', 'X', 'J', 'F' };

	static final int HEADER_BYTES = 11;

	static final int DEFAULT_SEGMENT = 64 * 1024;

	private static final byte VERSION = 1;

	private static final byte AES_256_GCM = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BYTES = 16;

	private static final byte[] LABEL = "tongxin job files v1".getBytes(StandardCharsets.US_ASCII);

	private final Map<Integer, SecretKey> keys = new HashMap<>();

	private final int activeKey;

	private final int segmentSize;

	private final SecureRandom random = new SecureRandom();

	@Autowired
	public FileCipher(CryptoSettings settings) {
		this(settings.keys(), settings.activeKey(), DEFAULT_SEGMENT);
	}

	/** @param fieldKeys key id → base64 field key, as {@code tongxin.crypto.keys} */
	FileCipher(Map<Integer, String> fieldKeys, int activeKey, int segmentSize) {
		fieldKeys.forEach((id, base64) -> keys.put(id, derive(Base64.getDecoder().decode(base64))));
		if (!keys.containsKey(activeKey)) {
			throw new IllegalStateException("tongxin.crypto.active-key " + activeKey + " is not among the keys");
		}
		this.activeKey = activeKey;
		this.segmentSize = segmentSize;
	}

	/** Whether the first bytes of a file are this format's header (an old file in clear is not). */
	public static boolean isEncrypted(byte[] head) {
		return head.length >= MAGIC.length && Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
	}

	/** Encrypts what is written to it into {@code sink}; closing it writes the last segment and closes the sink. */
	public OutputStream encrypting(OutputStream sink) throws IOException {
		return new Encrypting(sink);
	}

	/**
	 * Decrypts {@code source} as it is read; an altered or truncated file ends the read with an
	 * {@link IOException} at the first segment that does not authenticate.
	 */
	public InputStream decrypting(InputStream source) throws IOException {
		return new Decrypting(source);
	}

	private static SecretKey derive(byte[] fieldKey) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(fieldKey, "HmacSHA256"));
			return new SecretKeySpec(mac.doFinal(LABEL), "AES");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Cipher aesGcm() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] associated(byte[] header, long index, boolean last) {
		return ByteBuffer.allocate(header.length + 9).put(header).putLong(index).put((byte) (last ? 1 : 0)).array();
	}

	private final class Encrypting extends FilterOutputStream {

		private final Cipher cipher = aesGcm();

		private final SecretKey key = keys.get(activeKey);

		private final byte[] header;

		private final byte[] buffer = new byte[segmentSize];

		private int filled;

		private long index;

		private boolean closed;

		Encrypting(OutputStream sink) throws IOException {
			super(sink);
			this.header = ByteBuffer.allocate(HEADER_BYTES)
				.put(MAGIC)
				.put(VERSION)
				.put(AES_256_GCM)
				.put((byte) activeKey)
				.putInt(segmentSize)
				.array();
			out.write(header);
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] data, int offset, int length) throws IOException {
			while (length > 0) {
				// A full buffer is written only once more data arrives: until then it may be the last segment.
				if (filled == buffer.length) {
					seal(false);
				}
				int n = Math.min(length, buffer.length - filled);
				System.arraycopy(data, offset, buffer, filled, n);
				filled += n;
				offset += n;
				length -= n;
			}
		}

		@Override
		public void flush() throws IOException {
			out.flush();
		}

		@Override
		public void close() throws IOException {
			if (closed) {
				return;
			}
			closed = true;
			try {
				seal(true);
			}
			finally {
				out.close();
			}
		}

		private void seal(boolean last) throws IOException {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			try {
				cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
				cipher.updateAAD(associated(header, index, last));
				byte[] sealed = cipher.doFinal(buffer, 0, filled);
				out.write(nonce);
				out.write(sealed);
			}
			catch (GeneralSecurityException e) {
				throw new IOException("file encryption failed", e);
			}
			index++;
			filled = 0;
		}
	}

	private final class Decrypting extends InputStream {

		private final InputStream in;

		private final Cipher cipher = aesGcm();

		private final byte[] header = new byte[HEADER_BYTES];

		private final SecretKey key;

		private final int recordBytes;

		/** The record read ahead: a record is the last one when nothing follows it. */
		private byte[] next;

		private int nextLength;

		private byte[] plain = new byte[0];

		private int position;

		private long index;

		private boolean done;

		Decrypting(InputStream in) throws IOException {
			this.in = in;
			if (in.readNBytes(header, 0, HEADER_BYTES) != HEADER_BYTES || !isEncrypted(header)) {
				throw new IOException("not an encrypted job file");
			}
			ByteBuffer h = ByteBuffer.wrap(header, MAGIC.length, HEADER_BYTES - MAGIC.length);
			byte version = h.get();
			byte algorithm = h.get();
			int keyId = h.get() & 0xff;
			int segment = h.getInt();
			if (version != VERSION || algorithm != AES_256_GCM) {
				throw new IOException("unknown file format " + version + "/" + algorithm);
			}
			this.key = keys.get(keyId);
			if (key == null) {
				throw new IOException("file encrypted with key " + keyId + ", which is not configured");
			}
			if (segment <= 0 || segment > 16 * 1024 * 1024) {
				throw new IOException("implausible segment size " + segment);
			}
			this.recordBytes = NONCE_BYTES + segment + TAG_BYTES;
			this.next = new byte[recordBytes];
			this.nextLength = in.readNBytes(next, 0, recordBytes);
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return n < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] target, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			while (position == plain.length) {
				if (done) {
					return -1;
				}
				open();
			}
			int n = Math.min(length, plain.length - position);
			System.arraycopy(plain, position, target, offset, n);
			position += n;
			return n;
		}

		private void open() throws IOException {
			byte[] record = next;
			int length = nextLength;
			if (length < NONCE_BYTES + TAG_BYTES) {
				throw new EOFException("encrypted job file is truncated");
			}
			boolean last;
			if (length < recordBytes) {
				last = true;
			}
			else {
				next = new byte[recordBytes];
				nextLength = in.readNBytes(next, 0, recordBytes);
				last = nextLength == 0;
			}
			try {
				cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, record, 0, NONCE_BYTES));
				cipher.updateAAD(associated(header, index, last));
				plain = cipher.doFinal(record, NONCE_BYTES, length - NONCE_BYTES);
			}
			catch (GeneralSecurityException e) {
				throw new IOException("encrypted job file was altered or cut (segment " + index + ")", e);
			}
			position = 0;
			index++;
			done = last;
		}

		@Override
		public void close() throws IOException {
			in.close();
		}
	}
}
