package org.tongxin.platform.crypto;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys and algorithms, kept outside the database: {@code tongxin.crypto.keys} maps a key id (1–255, stored
 * with every value, so old values stay readable after a rotation) to a base64 key (32 bytes for AES-256,
 * 16 for SM4); {@code active-key} encrypts new values; {@code hmac-key} keys the lookup hashes;
 * {@code audit-key} keys the audit hash chain and its anchors; {@code suite} chooses the algorithms
 * ({@link CryptoSuite}).
 *
 * @param auditKey base64, at least 32 bytes; null only where a test builds settings by hand, and then
 * derived from the hmac key
 */
@ConfigurationProperties("tongxin.crypto")
public record CryptoSettings(Map<Integer, String> keys, int activeKey, String hmacKey,
		@DefaultValue("standard") CryptoSuite suite, @Nullable String auditKey) {

	/** The published demo keys of application.yml: refused outside demo mode. */
	static final String DEMO_KEY = "ZGVtby1vbmx5LWtleS1kby1ub3QtdXNlLWluLXByb2Q=";

	static final String DEMO_HMAC_KEY = "ZGVtby1vbmx5LWhtYWMta2V5LW5vdC1mb3ItcHJvZHVjdGlvbg==";

	static final String DEMO_AUDIT_KEY = "ZGVtby1vbmx5LWF1ZGl0LWNoYWluLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=";

	@ConstructorBinding
	public CryptoSettings {
	}

	/** The settings of the standard suite, as before the suite was a setting. */
	public CryptoSettings(Map<Integer, String> keys, int activeKey, String hmacKey) {
		this(keys, activeKey, hmacKey, CryptoSuite.STANDARD, null);
	}

	boolean usesDemoKeys() {
		return keys.containsValue(DEMO_KEY) || DEMO_HMAC_KEY.equals(hmacKey) || DEMO_AUDIT_KEY.equals(auditKey);
	}
}
