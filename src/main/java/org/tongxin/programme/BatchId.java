package org.tongxin.programme;

public record BatchId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
