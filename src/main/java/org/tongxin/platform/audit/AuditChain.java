package org.tongxin.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * The hash that links an audit entry to its predecessor: SHA-256 over the previous hash and every
 * stored field, each field length-prefixed so that no two different entries share an input.
 */
public final class AuditChain {

	/** The predecessor of the very first entry. */
	public static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	public static String hash(String prevHash, Instant at, String actor, @Nullable Long actorUnit, String action,
			@Nullable String objectType, @Nullable String objectId, @Nullable String detail, @Nullable String reason,
			@Nullable String ip) {
		MessageDigest digest = sha256();
		for (String field : new String[] { prevHash, at.toString(), actor, actorUnit == null ? null : actorUnit.toString(),
				action, objectType, objectId, detail, reason, ip }) {
			byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
			digest.update((field == null ? "-1" : Integer.toString(bytes.length)).getBytes(StandardCharsets.US_ASCII));
			digest.update((byte) ':');
			digest.update(bytes);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	public static String hash(AuditEntry e) {
		return hash(e.prevHash(), e.at(), e.actor(), e.actorUnit(), e.action(), e.objectType(), e.objectId(), e.detail(),
				e.reason(), e.ip());
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
