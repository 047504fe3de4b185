package org.tongxin.platform.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.format.annotation.DateTimeFormat;
import org.tongxin.platform.audit.AuditTrail;

/** The filter form of the audit screen, as the browser sends it; {@code to} includes the whole day. */
record AuditQuery(@Nullable String user, @Nullable String action, @Nullable String objectType,
		@Nullable String objectId, @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate from,
		@DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate to) {

	AuditTrail.Filter toFilter(ZoneId zone) {
		return new AuditTrail.Filter(user, action, objectType, objectId,
				from == null ? null : from.atStartOfDay(zone).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
	}

	/** The criteria in use, for links that keep the filter and for the record of an export. */
	Map<String, String> criteria() {
		Map<String, String> criteria = new LinkedHashMap<>();
		put(criteria, "user", user);
		put(criteria, "action", action);
		put(criteria, "objectType", objectType);
		put(criteria, "objectId", objectId);
		put(criteria, "from", from == null ? null : from.toString());
		put(criteria, "to", to == null ? null : to.toString());
		return criteria;
	}

	private static void put(Map<String, String> criteria, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			criteria.put(name, value.strip());
		}
	}
}
