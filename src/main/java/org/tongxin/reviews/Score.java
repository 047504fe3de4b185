package org.tongxin.reviews;

import org.jspecify.annotations.Nullable;

/** A reviewer's score on one criterion, 0–100, with the comment that explains it. Null while a draft is incomplete. */
public record Score(long criterion, @Nullable Integer score, @Nullable String comment) {
}
