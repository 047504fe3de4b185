package org.tongxin.activities;

public record RegistrationId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
