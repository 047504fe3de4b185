package org.tongxin.people;

/** Published when a person's record was changed, e.g. for duplicate detection on the new values. */
public record PersonUpdated(PersonId person) {
}
