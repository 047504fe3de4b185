package org.tongxin.reviews;

/** An open round takes scores; a closed one has its results frozen and takes no more. */
public enum ReviewRoundState {
	OPEN, CLOSED
}
