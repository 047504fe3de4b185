package org.tongxin.reviews;

import java.time.LocalDate;

/** How far a round has come: assignments submitted out of all, for the central office's panel. */
public record RoundProgress(ReviewRoundId round, String title, ReviewRoundState state, LocalDate closesOn,
		long projects, long submitted, long total) {

	public int percent() {
		return total == 0 ? 0 : (int) (submitted * 100 / total);
	}
}
