package org.tongxin.activities;

public record SeriesId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
