package org.tongxin.people.seeding;

import java.util.List;

import org.tongxin.platform.UnitId;

/**
 * The cities over which the demo registry spreads its synthetic persons, in a fixed order (the data set must
 * be the same on every installation). The {@code demo} module provides it from the programme's 49 cities.
 */
public interface DemoCities {

	List<City> cities();

	/** A city's unit, its GB/T 2260 code (the key of the weights) and its name. */
	record City(UnitId unit, String code, String name) {
	}
}
