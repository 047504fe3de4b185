package org.tongxin.people;

import org.jspecify.annotations.Nullable;

/**
 * Filter of the person list. {@code query} is the search box: a name fragment of 1–4 characters, the last
 * four digits of a phone number, a whole mobile number, or an ID number (exact); {@code employer} is an
 * employer name fragment; {@code unit} a city or district of the caller's scope (with everything below it).
 */
public record PersonFilter(@Nullable String query, @Nullable String group, @Nullable String subgroup,
		@Nullable Long unit, @Nullable String affiliation, @Nullable Integer minAge, @Nullable Integer maxAge,
		@Nullable String tag, @Nullable ConsentState consent, @Nullable String employer, boolean beyondRetention,
		boolean wholeDecades) {

	/**
	 * Without {@code wholeDecades}, which widens the age bounds to whole decades of birth: the registry sets it
	 * for viewers without people:reveal, who see only the decade (a filter by exact age would tell them the
	 * birth year, and asked again on another day, the birthday).
	 */
	public PersonFilter(@Nullable String query, @Nullable String group, @Nullable String subgroup, @Nullable Long unit,
			@Nullable String affiliation, @Nullable Integer minAge, @Nullable Integer maxAge, @Nullable String tag,
			@Nullable ConsentState consent, @Nullable String employer, boolean beyondRetention) {
		this(query, group, subgroup, unit, affiliation, minAge, maxAge, tag, consent, employer, beyondRetention, false);
	}

	/** Without the retention criterion; {@code beyondRetention} keeps only records not updated for the retention period. */
	public PersonFilter(@Nullable String query, @Nullable String group, @Nullable String subgroup, @Nullable Long unit,
			@Nullable String affiliation, @Nullable Integer minAge, @Nullable Integer maxAge, @Nullable String tag,
			@Nullable ConsentState consent, @Nullable String employer) {
		this(query, group, subgroup, unit, affiliation, minAge, maxAge, tag, consent, employer, false);
	}

	public PersonFilter beyondRetentionOnly() {
		return new PersonFilter(query, group, subgroup, unit, affiliation, minAge, maxAge, tag, consent, employer, true,
				wholeDecades);
	}

	public PersonFilter inWholeDecades() {
		return new PersonFilter(query, group, subgroup, unit, affiliation, minAge, maxAge, tag, consent, employer,
				beyondRetention, true);
	}

	public static PersonFilter none() {
		return new PersonFilter(null, null, null, null, null, null, null, null, null, null);
	}

	public static PersonFilter query(String query) {
		return new PersonFilter(query, null, null, null, null, null, null, null, null, null);
	}

	/** For the audit entry of an export: only the criteria that were set. */
	public java.util.Map<String, Object> described() {
		java.util.Map<String, Object> set = new java.util.LinkedHashMap<>();
		java.util.function.BiConsumer<String, @Nullable Object> put = (k, v) -> {
			if (v != null) {
				set.put(k, v);
			}
		};
		// The search text may be an ID or phone number: the audit log notes that there was one, not what it was.
		put.accept("query", query == null ? null : "（已填写）");
		put.accept("group", group);
		put.accept("subgroup", subgroup);
		put.accept("unit", unit);
		put.accept("affiliation", affiliation);
		put.accept("minAge", minAge);
		put.accept("maxAge", maxAge);
		put.accept("tag", tag);
		put.accept("consent", consent);
		put.accept("employer", employer);
		put.accept("beyondRetention", beyondRetention ? Boolean.TRUE : null);
		return set;
	}
}
