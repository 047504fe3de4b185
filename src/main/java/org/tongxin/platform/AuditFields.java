package org.tongxin.platform;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which fields of an audited record may appear in the audit log with their values. The log records
 * which fields changed; the values of personal fields never enter it (PIPL: the auditor and the log's
 * 180 days must not hold a person's data, and an anonymised person must leave nothing behind).
 * <p>
 * Records about people should name the fields that may be kept ({@link #onlyValuesOf}): a field added to
 * the record later is then personal until someone decides otherwise.
 */
public final class AuditFields {

	/** Every value may be kept: records that hold no personal data (sites, projects, dictionaries). */
	public static final AuditFields ALL = new AuditFields(null, Set.of());

	private final @Nullable Set<String> kept;

	private final Set<String> personal;

	private AuditFields(@Nullable Set<String> kept, Set<String> personal) {
		this.kept = kept;
		this.personal = personal;
	}

	/** Only these fields keep their values; every other field is recorded as "changed". */
	public static AuditFields onlyValuesOf(Set<String> fields) {
		return new AuditFields(Set.copyOf(fields), Set.of());
	}

	public static AuditFields onlyValuesOf(String... fields) {
		return onlyValuesOf(Set.of(fields));
	}

	/** Every field keeps its value but these personal ones, which are recorded as "changed". */
	public static AuditFields personal(Set<String> fields) {
		return new AuditFields(null, Set.copyOf(fields));
	}

	public static AuditFields personal(String... fields) {
		return personal(Set.of(fields));
	}

	public boolean keepsValueOf(String field) {
		return !personal.contains(field) && (kept == null || kept.contains(field));
	}
}
