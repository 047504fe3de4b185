package org.tongxin.platform.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of the audit log, as stored. */
public record AuditEntry(long id, Instant at, String actor, @Nullable Long actorUnit, String action,
		@Nullable String objectType, @Nullable String objectId, @Nullable String detail, @Nullable String reason,
		@Nullable String ip, String prevHash, String hash) {
}
