package org.tongxin.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encryption of sensitive fields at rest, with the installation's {@link CryptoSuite}: AES-256-GCM or
 * SM4-GCM, a fresh random 12-byte IV per value, stored as
 * {@code 0x00 | algorithm (1) | key id (1) | IV (12) | ciphertext and 128-bit tag}. Values written before
 * the algorithm was recorded are {@code key id (1) | IV (12) | ciphertext and tag}, always AES-256-GCM;
 * key ids start at 1, so a leading zero byte tells the two apart, and both stay readable. Keyed hashes
 * (HMAC-SHA-256 or HMAC-SM3) let the database find a value exactly without holding it: an ID number, a phone
 * number, a phone's last four digits. Each hash is taken over "purpose:value", so hashes of different fields
 * never match each other.
 */
public final class FieldCipher {

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	/** The first byte of a value that names its algorithm; never a key id. */
	private static final byte TAGGED = 0;

	private static final int TAGGED_HEADER = 3;

	private final Map<Integer, byte[]> keys = new HashMap<>();

	private final int activeKey;

	private final CryptoSuite suite;

	private final byte[] hmacKey;

	private final SecureRandom random = new SecureRandom();

	// Looking up a JCE provider costs more than encrypting a phone number: one instance per thread and suite.
	private final ThreadLocal<Map<CryptoSuite, Cipher>> ciphers = ThreadLocal.withInitial(() -> new EnumMap<>(CryptoSuite.class));

	private final ThreadLocal<Mac> macs;

	/**
	 * @param demoMode whether this installation runs the demo data set; the published demo keys are
	 * refused otherwise, since data encrypted with them is as good as plain text
	 */
	public FieldCipher(CryptoSettings settings, boolean demoMode) {
		if (settings.usesDemoKeys() && !demoMode) {
			throw new IllegalStateException("""
					tongxin.crypto still holds the published demo keys, and this is not a demo installation.
					Set TONGXIN_CRYPTO_KEY (base64 of 32 random bytes, 16 with the sm suite), TONGXIN_CRYPTO_HMAC_KEY
					and TONGXIN_CRYPTO_AUDIT_KEY.""");
		}
		this.suite = settings.suite();
		settings.keys().forEach((id, base64) -> {
			if (id < 1 || id > 255) {
				throw new IllegalStateException("tongxin.crypto.keys: key ids are 1–255, not " + id);
			}
			byte[] key = Base64.getDecoder().decode(base64);
			if (key.length != 32 && key.length != 16) {
				throw new IllegalStateException("tongxin.crypto.keys." + id
						+ ": AES-256 needs 32 bytes and SM4 16, not " + key.length);
			}
			keys.put(id, key);
		});
		if (!keys.containsKey(settings.activeKey())) {
			throw new IllegalStateException("tongxin.crypto.active-key " + settings.activeKey() + " is not among the keys");
		}
		if (keys.get(settings.activeKey()).length != suite.keyBytes()) {
			throw new IllegalStateException("tongxin.crypto.active-key " + settings.activeKey() + ": the " + suite
					+ " suite needs a key of " + suite.keyBytes() + " bytes");
		}
		this.activeKey = settings.activeKey();
		this.hmacKey = Base64.getDecoder().decode(settings.hmacKey());
		if (hmacKey.length < 32) {
			throw new IllegalStateException("tongxin.crypto.hmac-key needs at least 32 bytes");
		}
		this.macs = ThreadLocal.withInitial(() -> suite.mac(hmacKey));
	}

	/** The algorithms of new values and hashes. */
	public CryptoSuite suite() {
		return suite;
	}

	public byte[] encrypt(String plain) {
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = cipher(suite);
			cipher.init(Cipher.ENCRYPT_MODE, suite.key(keys.get(activeKey)), new GCMParameterSpec(TAG_BITS, iv));
			// The header is authenticated too: a value cannot be passed off as another algorithm's or key's.
			byte[] header = { TAGGED, (byte) suite.cipherId(), (byte) activeKey };
			cipher.updateAAD(header);
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(TAGGED_HEADER + IV_BYTES + sealed.length).put(header).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("encryption failed", e);
		}
	}

	public String decrypt(byte[] stored) {
		boolean tagged = stored[0] == TAGGED;
		CryptoSuite algorithm = tagged ? CryptoSuite.byCipherId(stored[1] & 0xff) : CryptoSuite.STANDARD;
		int keyId = (tagged ? stored[2] : stored[0]) & 0xff;
		int header = tagged ? TAGGED_HEADER : 1;
		byte[] key = keys.get(keyId);
		if (key == null) {
			throw new IllegalStateException("value encrypted with key " + keyId + ", which is not configured");
		}
		if (key.length != algorithm.keyBytes()) {
			throw new IllegalStateException("value encrypted with " + algorithm + " under key " + keyId
					+ ", which is not a key of that algorithm");
		}
		try {
			Cipher cipher = cipher(algorithm);
			cipher.init(Cipher.DECRYPT_MODE, algorithm.key(key), new GCMParameterSpec(TAG_BITS, stored, header, IV_BYTES));
			if (tagged) {
				cipher.updateAAD(stored, 0, TAGGED_HEADER);
			}
			return new String(cipher.doFinal(stored, header + IV_BYTES, stored.length - header - IV_BYTES),
					StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("decryption failed: wrong key or altered value", e);
		}
	}

	/**
	 * Whether the value is written with this installation's suite and active key; a re-encryption after a
	 * change of suite or key leaves every value current.
	 */
	public boolean isCurrent(byte[] stored) {
		return stored.length > TAGGED_HEADER && stored[0] == TAGGED && (stored[1] & 0xff) == suite.cipherId()
				&& (stored[2] & 0xff) == activeKey;
	}

	/**
	 * The first bytes of every current value (see {@link #isCurrent}): SQL can count the values still to
	 * re-encrypt by comparing them, without reading and decrypting each.
	 */
	byte[] currentHeader() {
		return new byte[] { TAGGED, (byte) suite.cipherId(), (byte) activeKey };
	}

	/** The active key id, shown to the system administrator; never the key. */
	public int activeKey() {
		return activeKey;
	}

	/** The value re-encrypted with the current suite and active key; the same bytes when it is current. */
	public byte[] reEncrypt(byte[] stored) {
		return isCurrent(stored) ? stored : encrypt(decrypt(stored));
	}

	/** The keyed lookup hash of the suite: after a change of suite, stored hashes are recomputed by re-encryption. */
	public byte[] hash(Purpose purpose, String value) {
		return macs.get().doFinal((purpose.name() + ":" + value).getBytes(StandardCharsets.UTF_8));
	}

	private Cipher cipher(CryptoSuite algorithm) throws GeneralSecurityException {
		Map<CryptoSuite, Cipher> mine = ciphers.get();
		Cipher cipher = mine.get(algorithm);
		if (cipher == null) {
			cipher = algorithm.cipher();
			mine.put(algorithm, cipher);
		}
		return cipher;
	}

	/** What a keyed hash is for. */
	public enum Purpose {
		ID_NUMBER, PHONE, PHONE_SUFFIX
	}
}
