package org.tongxin.reviews;

/** Identifies a review round (评审轮次). */
public record ReviewRoundId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
