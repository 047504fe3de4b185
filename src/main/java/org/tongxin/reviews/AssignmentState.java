package org.tongxin.reviews;

/** Where a reviewer stands with one project: not started, a saved draft, or submitted (final). */
public enum AssignmentState {
	ASSIGNED, DRAFT, SUBMITTED
}
