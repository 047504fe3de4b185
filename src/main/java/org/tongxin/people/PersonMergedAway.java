package org.tongxin.people;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The person was merged into {@code survivor} as a duplicate: the record stays only so that the merge can be
 * undone. It is shown read-only with a link to the survivor, and every change to it is refused.
 */
@ResponseStatus(HttpStatus.GONE)
public class PersonMergedAway extends RuntimeException {

	private final PersonId person;

	private final PersonId survivor;

	public PersonMergedAway(PersonId person, PersonId survivor) {
		super("person " + person + " was merged into " + survivor);
		this.person = person;
		this.survivor = survivor;
	}

	public PersonId person() {
		return person;
	}

	public PersonId survivor() {
		return survivor;
	}
}
