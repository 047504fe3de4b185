package org.tongxin.platform;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A unit of the hierarchy.
 *
 * @param path the ids of all ancestors and of the unit itself, as an ltree ("1.510000.510100")
 */
public record Unit(UnitId id, @Nullable String code, String name, UnitLevel level, @Nullable UnitId parentId,
		String path) {

	/** The four municipalities (直辖市): province-level units that are cities at the same time. */
	public static final Set<String> MUNICIPALITY_CODES = Set.of("110000", "120000", "310000", "500000");

	public boolean municipality() {
		return level == UnitLevel.PROVINCE && code != null && MUNICIPALITY_CODES.contains(code);
	}

	/** A city, municipalities included. */
	public boolean city() {
		return level == UnitLevel.CITY || municipality();
	}

	/** Where people, sites and projects belong: a city (municipalities included) or a district. */
	public boolean cityOrDistrict() {
		return city() || level == UnitLevel.DISTRICT;
	}
}
