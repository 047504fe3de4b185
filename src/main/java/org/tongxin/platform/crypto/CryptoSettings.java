package org.tongxin.platform.crypto;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Field-encryption keys, kept outside the database: {@code tongxin.crypto.keys} maps a key id (1–255,
 * stored as the first byte of every value, so old values stay readable after a rotation) to a base64
 * AES-256 key; {@code active-key} encrypts new values; {@code hmac-key} keys the lookup hashes.
 */
@ConfigurationProperties("tongxin.crypto")
public record CryptoSettings(Map<Integer, String> keys, int activeKey, String hmacKey) {

	/** The published demo keys of application.yml: refused outside demo mode. */
	static final String DEMO_KEY = "ZGVtby1vbmx5LWtleS1kby1ub3QtdXNlLWluLXByb2Q=";

	static final String DEMO_HMAC_KEY = "ZGVtby1vbmx5LWhtYWMta2V5LW5vdC1mb3ItcHJvZHVjdGlvbg==";

	boolean usesDemoKeys() {
		return keys.containsValue(DEMO_KEY) || DEMO_HMAC_KEY.equals(hmacKey);
	}
}
