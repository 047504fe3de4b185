package org.tongxin.people;

/**
 * Published inside the transaction of a duplicate merge: {@code mergedAway} now lives on as {@code survivor}.
 * Modules that hold rows about persons move them to the survivor in the same transaction, and record which
 * rows they moved under {@code merge}, so that {@link MergeUndone} can put exactly those back.
 */
public record PersonsMerged(long merge, PersonId survivor, PersonId mergedAway) {
}
