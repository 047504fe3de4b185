package org.tongxin.platform.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The algorithm suite of an installation ({@code tongxin.crypto.suite}): {@code standard} (AES-256-GCM,
 * HMAC-SHA-256, SHA-256) or {@code sm}, the Chinese commercial algorithms for 密评 (SM4-GCM, HMAC-SM3,
 * SM3, GB/T 32907-2016 and GB/T 32905-2016) from Bouncy Castle.
 * <p>
 * Bouncy Castle is used as a provider instance, never registered in the JVM: nothing else in the
 * application changes its algorithm choice because of it.
 */
public enum CryptoSuite {

	STANDARD(1, "AES", "AES/GCM/NoPadding", 32, "HmacSHA256", "HMAC-SHA256", "SHA-256"),

	SM(2, "SM4", "SM4/GCM/NoPadding", 16, "HMACSM3", "HMAC-SM3", "SM3");

	static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

	private final int cipherId;

	private final String keyAlgorithm;

	private final String transformation;

	private final int keyBytes;

	private final String macAlgorithm;

	private final String chainName;

	private final String digestAlgorithm;

	CryptoSuite(int cipherId, String keyAlgorithm, String transformation, int keyBytes, String macAlgorithm,
			String chainName, String digestAlgorithm) {
		this.cipherId = cipherId;
		this.keyAlgorithm = keyAlgorithm;
		this.transformation = transformation;
		this.keyBytes = keyBytes;
		this.macAlgorithm = macAlgorithm;
		this.chainName = chainName;
		this.digestAlgorithm = digestAlgorithm;
	}

	/** The algorithm byte of a stored value (see {@link FieldCipher}). */
	int cipherId() {
		return cipherId;
	}

	/** Bytes of a field-encryption key of this suite: 32 for AES-256, 16 for SM4 (a 128-bit cipher). */
	public int keyBytes() {
		return keyBytes;
	}

	/** The name stored with each audit entry that this suite's keyed chain hashed ("HMAC-SHA256", "HMAC-SM3"). */
	public String chainName() {
		return chainName;
	}

	static CryptoSuite byCipherId(int id) {
		for (CryptoSuite suite : values()) {
			if (suite.cipherId == id) {
				return suite;
			}
		}
		throw new IllegalStateException("value encrypted with unknown algorithm " + id);
	}

	/** The suite whose keyed chain is named so; any other name (the unkeyed "SHA256" of old entries) is refused. */
	public static CryptoSuite byChainName(String name) {
		for (CryptoSuite suite : values()) {
			if (suite.chainName.equals(name)) {
				return suite;
			}
		}
		throw new IllegalArgumentException("no keyed chain algorithm " + name);
	}

	SecretKeySpec key(byte[] key) {
		return new SecretKeySpec(key, keyAlgorithm);
	}

	Cipher cipher() throws GeneralSecurityException {
		return this == STANDARD ? Cipher.getInstance(transformation) : Cipher.getInstance(transformation, BOUNCY_CASTLE);
	}

	/** A MAC of this suite, initialised with the key. */
	public Mac mac(byte[] key) {
		try {
			Mac mac = this == STANDARD ? Mac.getInstance(macAlgorithm) : Mac.getInstance(macAlgorithm, BOUNCY_CASTLE);
			mac.init(new SecretKeySpec(key, macAlgorithm));
			return mac;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The unkeyed digest of this suite (SHA-256 or SM3). */
	public MessageDigest digest() {
		try {
			return this == STANDARD ? MessageDigest.getInstance(digestAlgorithm)
					: MessageDigest.getInstance(digestAlgorithm, BOUNCY_CASTLE);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
