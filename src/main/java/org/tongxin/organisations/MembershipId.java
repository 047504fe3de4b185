package org.tongxin.organisations;

public record MembershipId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
