package org.tongxin.platform.jobs;

public record JobId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
