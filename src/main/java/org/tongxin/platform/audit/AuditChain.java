package org.tongxin.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Consumer;

import javax.crypto.Mac;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongxin.platform.crypto.AuditKey;
import org.tongxin.platform.crypto.CryptoSuite;

/**
 * The hash that links an audit entry to its predecessor: a MAC under the audit key
 * ({@code tongxin.crypto.audit-key}, not in the database) over the algorithm's name, the previous hash and
 * every stored field, each field length-prefixed so that no two different entries share an input. Each entry
 * stores the algorithm that hashed it: HMAC-SHA256 or HMAC-SM3 by the crypto suite, or {@link #UNKEYED} for
 * entries written before the chain was keyed (plain SHA-256, verifiable by anyone and so forgeable by anyone
 * with write access: see docs/decisions/0006).
 */
@Component
public class AuditChain {

	/** The predecessor of the very first entry. */
	public static final String GENESIS = "0".repeat(64);

	/** The algorithm of entries written before the chain was keyed. */
	public static final String UNKEYED = "SHA256";

	private final AuditKey key;

	AuditChain(AuditKey key) {
		this.key = key;
	}

	/** The algorithm of new entries, by the configured suite. */
	public String algorithm() {
		return key.suite().chainName();
	}

	/** The hash of an entry with the given algorithm; {@link #UNKEYED} only to check old entries. */
	public String hash(String algorithm, String prevHash, Instant at, String actor, @Nullable Long actorUnit,
			String action, @Nullable String objectType, @Nullable String objectId, @Nullable String detail,
			@Nullable String reason, @Nullable String ip) {
		if (UNKEYED.equals(algorithm)) {
			return unkeyed(prevHash, at, actor, actorUnit, action, objectType, objectId, detail, reason, ip);
		}
		Mac mac = key.mac(CryptoSuite.byChainName(algorithm));
		// The algorithm's name is part of the input: an entry cannot be passed off as another algorithm's.
		fields(mac::update, algorithm, prevHash, at, actor, actorUnit, action, objectType, objectId, detail, reason, ip);
		return HexFormat.of().formatHex(mac.doFinal());
	}

	public String hash(AuditEntry e) {
		return hash(e.chainAlgorithm(), e.prevHash(), e.at(), e.actor(), e.actorUnit(), e.action(), e.objectType(),
				e.objectId(), e.detail(), e.reason(), e.ip());
	}

	/** A MAC under the audit key with the current algorithm, hex: for what is signed besides entries (anchors). */
	public String sign(String text) {
		Mac mac = key.mac(key.suite());
		return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** Whether {@code signature} is the MAC of {@code text} under the audit key with the named algorithm. */
	public boolean signed(String algorithm, String text, String signature) {
		Mac mac = key.mac(CryptoSuite.byChainName(algorithm));
		byte[] expected = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		try {
			return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature));
		}
		catch (IllegalArgumentException notHex) {
			return false;
		}
	}

	/** The plain SHA-256 of the entries written before the chain was keyed. */
	public static String unkeyed(String prevHash, Instant at, String actor, @Nullable Long actorUnit, String action,
			@Nullable String objectType, @Nullable String objectId, @Nullable String detail, @Nullable String reason,
			@Nullable String ip) {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		fields(digest::update, null, prevHash, at, actor, actorUnit, action, objectType, objectId, detail, reason, ip);
		return HexFormat.of().formatHex(digest.digest());
	}

	private static void fields(Consumer<byte[]> sink, @Nullable String algorithm, String prevHash, Instant at,
			String actor, @Nullable Long actorUnit, String action, @Nullable String objectType,
			@Nullable String objectId, @Nullable String detail, @Nullable String reason, @Nullable String ip) {
		if (algorithm != null) {
			field(sink, algorithm);
		}
		for (String field : new String[] { prevHash, at.toString(), actor, actorUnit == null ? null : actorUnit.toString(),
				action, objectType, objectId, detail, reason, ip }) {
			field(sink, field);
		}
	}

	private static void field(Consumer<byte[]> sink, @Nullable String field) {
		byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
		sink.accept((field == null ? "-1" : Integer.toString(bytes.length)).getBytes(StandardCharsets.US_ASCII));
		sink.accept(new byte[] { ':' });
		sink.accept(bytes);
	}
}
