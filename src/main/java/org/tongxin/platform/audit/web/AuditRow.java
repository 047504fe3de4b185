package org.tongxin.platform.audit.web;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.audit.AuditEntry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An audit entry as the table shows it: local time, and the detail split into the state before and
 * after a change and whatever else the entry carries.
 */
record AuditRow(long id, LocalDateTime at, String actor, @Nullable Long actorUnit, String action,
		@Nullable String objectType, @Nullable String objectId, @Nullable String before, @Nullable String after,
		@Nullable String detail, @Nullable String reason, @Nullable String ip) {

	static AuditRow of(AuditEntry entry, ZoneId zone, JsonMapper json) {
		String before = null;
		String after = null;
		String rest = entry.detail();
		if (rest != null) {
			try {
				if (json.readTree(rest) instanceof ObjectNode detail) {
					before = text(detail.remove("before"));
					after = text(detail.remove("after"));
					rest = detail.isEmpty() ? null : detail.toString();
				}
			}
			catch (JacksonException notJson) {
				// Shown as written: the log keeps whatever a module recorded.
			}
		}
		return new AuditRow(entry.id(), LocalDateTime.ofInstant(entry.at(), zone), entry.actor(), entry.actorUnit(),
				entry.action(), entry.objectType(), entry.objectId(), before, after, rest, entry.reason(), entry.ip());
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return node == null ? null : node.toString();
	}
}
