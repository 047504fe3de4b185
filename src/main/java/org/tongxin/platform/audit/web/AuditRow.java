package org.tongxin.platform.audit.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.FieldChanges;
import org.tongxin.platform.audit.AuditEntry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An audit entry as the table shows it: local time, and the detail split into the changed fields (see
 * {@link FieldChanges}), the state before and after a change (entries written before changes were recorded
 * field by field) and whatever else the entry carries.
 */
record AuditRow(long id, LocalDateTime at, String actor, @Nullable Long actorUnit, String action,
		@Nullable String objectType, @Nullable String objectId, List<Change> changes, @Nullable String before,
		@Nullable String after, @Nullable String detail, @Nullable String reason, @Nullable String ip) {

	/** One changed field; a personal field has no values. */
	record Change(String field, boolean personal, @Nullable String old, @Nullable String now) {
	}

	static AuditRow of(AuditEntry entry, ZoneId zone, JsonMapper json) {
		List<Change> changes = new ArrayList<>();
		String before = null;
		String after = null;
		String rest = entry.detail();
		if (rest != null) {
			try {
				if (json.readTree(rest) instanceof ObjectNode detail) {
					if (detail.remove("changes") instanceof ObjectNode fields) {
						for (Map.Entry<String, JsonNode> field : fields.properties()) {
							changes.add(change(field.getKey(), field.getValue()));
						}
					}
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
				entry.action(), entry.objectType(), entry.objectId(), List.copyOf(changes), before, after, rest,
				entry.reason(), entry.ip());
	}

	private static Change change(String field, JsonNode value) {
		if (value.isString() && FieldChanges.CHANGED.equals(value.asString())) {
			return new Change(field, true, null, null);
		}
		return new Change(field, false, value(value.get("old")), value(value.get("new")));
	}

	private static @Nullable String value(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		return node.isString() ? node.asString() : node.toString();
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return node == null ? null : node.toString();
	}
}
