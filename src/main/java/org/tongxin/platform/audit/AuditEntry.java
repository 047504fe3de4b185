package org.tongxin.platform.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log, as stored.
 *
 * @param chainAlgorithm what computed {@code hash}: "HMAC-SHA256", "HMAC-SM3" or, for entries written before
 * the chain was keyed, {@link AuditChain#UNKEYED}
 */
public record AuditEntry(long id, Instant at, String actor, @Nullable Long actorUnit, String action,
		@Nullable String objectType, @Nullable String objectId, @Nullable String detail, @Nullable String reason,
		@Nullable String ip, String prevHash, String hash, String chainAlgorithm) {
}
