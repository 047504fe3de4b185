package org.tongxin.projects;

public record MilestoneId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
