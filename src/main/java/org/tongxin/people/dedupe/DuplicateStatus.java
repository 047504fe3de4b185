package org.tongxin.people.dedupe;

/** OPEN pairs await review; decided pairs are never proposed again (a merge undone makes its pair OPEN again). */
public enum DuplicateStatus {
	OPEN, MERGED, NOT_DUPLICATE
}
