package org.tongxin.people.dedupe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A pair as stored, sensitive values still encrypted. */
record PairRow(long id, Side low, Side high, int score, List<String> reasons, DuplicateStatus status, Instant foundAt,
		@Nullable Long mergeId) {

	record Side(long id, long unitId, @Nullable String name, @Nullable String sex, @Nullable LocalDate birthDate,
			@Nullable String employer, byte @Nullable [] phoneCipher, byte @Nullable [] idNumberCipher) {
	}
}
