package org.tongxin.people;

/**
 * Published inside the transaction that undoes merge {@code merge}: the rows each module moved for it
 * ({@link PersonsMerged}) go back to {@code mergedAway}.
 */
public record MergeUndone(long merge, PersonId survivor, PersonId mergedAway) {
}
