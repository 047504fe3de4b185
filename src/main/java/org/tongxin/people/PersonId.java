package org.tongxin.people;

public record PersonId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
