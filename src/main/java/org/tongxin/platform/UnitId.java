package org.tongxin.platform;

import java.io.Serializable;

/** Identifies a unit of the hierarchy; region units use their six-digit GB/T 2260 code as id. */
public record UnitId(long value) implements Serializable {

	public static final UnitId CENTRAL = new UnitId(1);

	public static UnitId of(String value) {
		return new UnitId(Long.parseLong(value));
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
