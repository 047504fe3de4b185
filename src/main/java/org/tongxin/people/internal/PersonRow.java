package org.tongxin.people.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A person as stored: encrypted fields still encrypted. Never leaves the module. */
public record PersonRow(long id, long unitId, String regionCode, @Nullable String name, @Nullable String sex,
		@Nullable LocalDate birthDate, @Nullable String ethnicity, byte @Nullable [] idNumberCipher,
		byte @Nullable [] phoneCipher, byte @Nullable [] emailCipher, @Nullable String education, @Nullable String affiliation,
		@Nullable String party, byte @Nullable [] religionCipher, String group, @Nullable String subgroup,
		@Nullable String employer, @Nullable String position, @Nullable String sector, byte @Nullable [] addressCipher,
		List<String> tags, @Nullable String notes, String legalBasis, String consentState, Instant createdAt,
		Instant updatedAt, int version, @Nullable Instant anonymisedAt) {
}
