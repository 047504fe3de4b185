package org.tongxin.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

import javax.crypto.Mac;

/**
 * The key of the audit hash chain and of its signed anchors ({@code tongxin.crypto.audit-key}). Like the
 * field keys it lives in the configuration, never in the database: whoever can write the database but
 * does not hold this key cannot produce a chain that verifies.
 */
public final class AuditKey {

	private final byte[] key;

	private final CryptoSuite suite;

	// Verifying the chain takes one MAC per entry: one initialised instance per thread and algorithm.
	private final ThreadLocal<Map<CryptoSuite, Mac>> macs = ThreadLocal.withInitial(() -> new EnumMap<>(CryptoSuite.class));

	public AuditKey(CryptoSettings settings) {
		this.suite = settings.suite();
		if (settings.auditKey() == null) {
			// Settings built by hand (tests): a key of its own, derived from the hmac key.
			this.key = CryptoSuite.STANDARD.mac(Base64.getDecoder().decode(settings.hmacKey()))
				.doFinal("tongxin audit chain".getBytes(StandardCharsets.UTF_8));
		}
		else {
			this.key = Base64.getDecoder().decode(settings.auditKey());
		}
		if (key.length < 32) {
			throw new IllegalStateException("tongxin.crypto.audit-key needs at least 32 bytes");
		}
	}

	/** The suite whose MAC keys new audit entries. */
	public CryptoSuite suite() {
		return suite;
	}

	/**
	 * The MAC of the given suite under the audit key (entries keep the algorithm they were written with),
	 * reset, for this thread only.
	 */
	public Mac mac(CryptoSuite algorithm) {
		Mac mac = macs.get().computeIfAbsent(algorithm, a -> a.mac(key));
		mac.reset();
		return mac;
	}
}
