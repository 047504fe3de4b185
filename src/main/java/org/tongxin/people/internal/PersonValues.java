package org.tongxin.people.internal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What is written for a person, sensitive values already encrypted and hashed. For an update, a null
 * cipher with {@code keep…} set leaves the stored value alone.
 */
public record PersonValues(long unitId, String regionCode, String name, @Nullable String sex,
		@Nullable LocalDate birthDate, @Nullable String ethnicity, byte @Nullable [] idNumberCipher,
		byte @Nullable [] idNumberHash, byte @Nullable [] phoneCipher, byte @Nullable [] phoneHash,
		byte @Nullable [] phoneSuffixHash, byte @Nullable [] emailCipher, @Nullable String education,
		@Nullable String affiliation, @Nullable String party, byte @Nullable [] religionCipher, String group,
		@Nullable String subgroup, @Nullable String employer, @Nullable String position, @Nullable String sector,
		byte @Nullable [] addressCipher, List<String> tags, @Nullable String notes, String legalBasis, boolean keepIdNumber,
		boolean keepPhone, boolean keepReligion, boolean keepEmail, boolean keepAddress) {
}
