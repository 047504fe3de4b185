package org.tongxin.people.imports;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A row that passed every check Java can make, ready for the staging table: identifying numbers only
 * as cipher texts, keyed hashes and masks. {@code unitGiven}: the file named the city or district (else the
 * importer's own unit was taken, and an update leaves the person where they are).
 */
record CleanRow(int row, long unitId, boolean unitGiven, String regionCode, String place, String name, String sex,
		@Nullable LocalDate birthDate, @Nullable String ethnicity, byte @Nullable [] idCipher, byte @Nullable [] idHash,
		@Nullable String idMasked, byte @Nullable [] phoneCipher, byte @Nullable [] phoneHash,
		byte @Nullable [] phoneSuffixHash, @Nullable String phoneMasked, byte @Nullable [] emailCipher,
		@Nullable String education, @Nullable String affiliation, @Nullable String party,
		byte @Nullable [] religionCipher, String group, @Nullable String subgroup, @Nullable String employer,
		@Nullable String position, @Nullable String sector, byte @Nullable [] addressCipher, List<String> tags,
		@Nullable String notes, boolean consent) {
}
