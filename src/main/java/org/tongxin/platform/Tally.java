package org.tongxin.platform;

/**
 * How many rows a list holds, as a page states it: exactly, "more than" a cap, or "about" the planner's
 * estimate. A list of millions must not count itself on every page view (decision 0010).
 */
public record Tally(long value, Kind kind) {

	public enum Kind {
		EXACT, AT_LEAST, ABOUT
	}

	public static Tally exact(long value) {
		return new Tally(value, Kind.EXACT);
	}

	/** From an estimate: two significant digits, since more would claim a precision it does not have. */
	public static Tally about(long estimate) {
		long scale = 1;
		while (estimate / scale >= 100) {
			scale *= 10;
		}
		return new Tally(Math.round((double) estimate / scale) * scale, Kind.ABOUT);
	}

	/** A count that stopped at {@code cap}. */
	public static Tally upTo(long counted, long cap) {
		return counted > cap ? new Tally(cap, Kind.AT_LEAST) : exact(counted);
	}
}
