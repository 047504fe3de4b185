package org.tongxin.platform;

import org.jspecify.annotations.Nullable;

/**
 * A unit of the hierarchy.
 *
 * @param path the ids of all ancestors and of the unit itself, as an ltree ("1.510000.510100")
 */
public record Unit(UnitId id, @Nullable String code, String name, UnitLevel level, @Nullable UnitId parentId,
		String path) {
}
