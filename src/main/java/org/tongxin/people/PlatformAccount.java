package org.tongxin.people;

import org.jspecify.annotations.Nullable;

/** A person's account on a new-media platform (dictionary kind PLATFORM). */
public record PlatformAccount(long id, String platform, String handle, @Nullable Long followers, boolean verified) {
}
