package org.tongxin.projects;

public record BatchId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
