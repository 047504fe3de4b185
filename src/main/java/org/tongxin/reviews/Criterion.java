package org.tongxin.reviews;

import org.jspecify.annotations.Nullable;

/**
 * A criterion of a round's rubric with its weight in points (the weights of a rubric sum to 100) and its
 * level descriptors, the text that tells reviewers what a score means ("90–100：机制健全、可推广…").
 */
public record Criterion(long id, String name, int weight, @Nullable String descriptors) {
}
