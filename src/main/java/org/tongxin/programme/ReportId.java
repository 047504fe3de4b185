package org.tongxin.programme;

public record ReportId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
