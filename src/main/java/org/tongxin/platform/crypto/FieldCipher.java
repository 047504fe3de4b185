package org.tongxin.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption of sensitive fields at rest: AES-256-GCM with a fresh random 12-byte IV per value, stored as
 * {@code key id (1 byte) | IV (12) | ciphertext and 128-bit tag}. Keyed hashes (HMAC-SHA256) let the
 * database find a value exactly without holding it: an ID number, a phone number, a phone's last four
 * digits. Each hash is taken over "purpose:value", so hashes of different fields never match each other.
 */
public final class FieldCipher {

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final Map<Integer, SecretKey> keys = new HashMap<>();

	private final int activeKey;

	private final SecretKeySpec hmacKey;

	private final SecureRandom random = new SecureRandom();

	// Looking up a JCE provider costs more than encrypting a phone number: one instance per thread.
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	});

	private final ThreadLocal<Mac> macs;

	/**
	 * @param demoMode whether this installation runs the demo data set; the published demo keys are
	 * refused otherwise, since data encrypted with them is as good as plain text
	 */
	public FieldCipher(CryptoSettings settings, boolean demoMode) {
		if (settings.usesDemoKeys() && !demoMode) {
			throw new IllegalStateException("""
					tongxin.crypto still holds the published demo keys, and this is not a demo installation.
					Set TONGXIN_CRYPTO_KEY (base64 of 32 random bytes) and TONGXIN_CRYPTO_HMAC_KEY.""");
		}
		settings.keys().forEach((id, base64) -> {
			if (id < 1 || id > 255) {
				throw new IllegalStateException("tongxin.crypto.keys: key ids are 1–255, not " + id);
			}
			byte[] key = Base64.getDecoder().decode(base64);
			if (key.length != 32) {
				throw new IllegalStateException("tongxin.crypto.keys." + id + ": AES-256 needs 32 bytes, not " + key.length);
			}
			keys.put(id, new SecretKeySpec(key, "AES"));
		});
		if (!keys.containsKey(settings.activeKey())) {
			throw new IllegalStateException("tongxin.crypto.active-key " + settings.activeKey() + " is not among the keys");
		}
		this.activeKey = settings.activeKey();
		byte[] hmac = Base64.getDecoder().decode(settings.hmacKey());
		if (hmac.length < 32) {
			throw new IllegalStateException("tongxin.crypto.hmac-key needs at least 32 bytes");
		}
		this.hmacKey = new SecretKeySpec(hmac, "HmacSHA256");
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(hmacKey);
				return mac;
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	public byte[] encrypt(String plain) {
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put((byte) activeKey).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("encryption failed", e);
		}
	}

	public String decrypt(byte[] stored) {
		int keyId = stored[0] & 0xff;
		SecretKey key = keys.get(keyId);
		if (key == null) {
			throw new IllegalStateException("value encrypted with key " + keyId + ", which is not configured");
		}
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, IV_BYTES));
			return new String(cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("decryption failed: wrong key or altered value", e);
		}
	}

	public byte[] hash(Purpose purpose, String value) {
		return macs.get().doFinal((purpose.name() + ":" + value).getBytes(StandardCharsets.UTF_8));
	}

	/** What a keyed hash is for. */
	public enum Purpose {
		ID_NUMBER, PHONE, PHONE_SUFFIX
	}
}
