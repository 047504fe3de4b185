package org.tongxin.people.dedupe;

/** Which record a merged field takes its value from: the surviving (older) record or the other one. */
public enum MergeSide {
	KEEP, TAKE
}
