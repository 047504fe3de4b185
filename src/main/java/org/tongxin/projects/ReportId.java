package org.tongxin.projects;

public record ReportId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
