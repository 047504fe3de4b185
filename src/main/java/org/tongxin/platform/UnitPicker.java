package org.tongxin.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The two-step owning-unit picker of the forms: the cities of the caller's scope, the city chosen (the only
 * one, when the scope holds one), and the units to pick from — that city and its districts, or for an
 * account below city level the districts of its scope; none until a city is chosen.
 */
public record UnitPicker(List<Unit> cities, @Nullable Long city, List<Unit> units) {
}
