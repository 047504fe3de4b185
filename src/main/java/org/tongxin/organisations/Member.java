package org.tongxin.organisations;

import org.jspecify.annotations.Nullable;

/**
 * A membership as lists show it, with the person's name, group and place from the people registry;
 * those are null when the person lies outside the viewer's scope.
 */
public record Member(Membership membership, @Nullable String name, @Nullable String group, @Nullable String place,
		@Nullable String phoneMasked) {
}
