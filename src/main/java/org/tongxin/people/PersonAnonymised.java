package org.tongxin.people;

/** Published when a person's identifying data is erased; other modules drop what identifies them too. */
public record PersonAnonymised(PersonId person) {
}
