package org.tongxin.reviews;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.UnitId;

/**
 * An expert who scores projects, linked to an account by username. The home city is what the conflict
 * of interest rule compares with a project's city.
 */
public record Reviewer(String username, String name, UnitId homeCity, String homeCityName, @Nullable String expertise) {
}
