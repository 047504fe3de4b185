package org.tongxin.organisations;

public record OrganisationId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
