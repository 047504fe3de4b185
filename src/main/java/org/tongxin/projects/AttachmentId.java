package org.tongxin.projects;

public record AttachmentId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
