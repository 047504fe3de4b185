package org.tongxin.programme;

public record IndicatorId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
