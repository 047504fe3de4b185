package org.tongxin.projects;

public record IndicatorId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
