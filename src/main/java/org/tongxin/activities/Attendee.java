package org.tongxin.activities;

import org.jspecify.annotations.Nullable;

/** A registration with the person's name as the people registry shows it to the caller. */
public record Attendee(Registration registration, @Nullable String name, @Nullable String group, String place) {
}
