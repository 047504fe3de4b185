package org.tongxin.people.dedupe;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A candidate pair as the review list shows it: both persons masked side by side, the score (capped at 100)
 * and the rules that matched. {@code mergeId} is set for a merged pair whose merge can still be undone.
 */
public record DuplicatePair(long id, Side low, Side high, int score, List<String> reasons, DuplicateStatus status,
		Instant foundAt, @Nullable Long mergeId) {

	/** One person of the pair, sensitive values masked; the birth date only for holders of people:reveal. */
	public record Side(long id, String place, @Nullable String name, @Nullable String sex,
			java.time.@Nullable LocalDate birthDate, @Nullable Integer birthDecade, @Nullable String employer, @Nullable String phoneMasked,
			@Nullable String idNumberMasked) {
	}

	/** The keyset position after this pair in the review order (score, then newest first). */
	public String cursor() {
		return score + "-" + id;
	}
}
