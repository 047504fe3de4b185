package org.tongxin.projects;

/** Identifies an exemplary case (典型案例). */
public record CaseId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
