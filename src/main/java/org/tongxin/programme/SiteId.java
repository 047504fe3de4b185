package org.tongxin.programme;

public record SiteId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
