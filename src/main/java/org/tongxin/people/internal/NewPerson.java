package org.tongxin.people.internal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A person to bulk-load, values in clear (the loader encrypts and hashes): what the synthetic generator
 * produces and what an import will produce.
 */
public record NewPerson(long unitId, String regionCode, String name, String sex, LocalDate birthDate,
		String ethnicity, @Nullable String idNumber, @Nullable String phone, @Nullable String email, String education,
		String affiliation, @Nullable String party, @Nullable String religion, String group, String subgroup,
		@Nullable String employer, String position, String sector, String address, List<String> tags,
		String legalBasis, String consentState) {
}
