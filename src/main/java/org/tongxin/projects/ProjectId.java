package org.tongxin.projects;

/** Identifies a key project; review rounds and cases refer to projects by this id only. */
public record ProjectId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
