package org.tongxin.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * What changed between two snapshots of a record, as the audit log keeps it: the names of the changed
 * fields and, only for fields whose values may be kept, {@code {"old": …, "new": …}} ("old" missing on
 * creation, "new" on deletion); personal fields are just {@code "changed"}. Snapshots are compared field by
 * field at the top level; a null value and a missing field are the same.
 */
public record FieldChanges(Map<String, Object> fields) {

	/** What a personal field's entry says instead of its values. */
	public static final String CHANGED = "changed";

	public FieldChanges {
		fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	public static FieldChanges between(@Nullable Map<String, ?> before, @Nullable Map<String, ?> after,
			AuditFields values) {
		Map<String, ?> old = before == null ? Map.of() : before;
		Map<String, ?> now = after == null ? Map.of() : after;
		Map<String, Object> fields = new LinkedHashMap<>();
		TreeSet<String> names = new TreeSet<>(old.keySet());
		names.addAll(now.keySet());
		for (String name : names) {
			Object was = old.get(name);
			Object is = now.get(name);
			if (Objects.equals(was, is)) {
				continue;
			}
			if (!values.keepsValueOf(name)) {
				fields.put(name, CHANGED);
				continue;
			}
			Map<String, Object> change = new LinkedHashMap<>();
			if (was != null) {
				change.put("old", was);
			}
			if (is != null) {
				change.put("new", is);
			}
			fields.put(name, change);
		}
		return new FieldChanges(fields);
	}

	public boolean isEmpty() {
		return fields.isEmpty();
	}
}
