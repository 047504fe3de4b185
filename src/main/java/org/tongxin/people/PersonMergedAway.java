package org.tongxin.people;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.tongxin.platform.Conflict;

/**
 * The person was merged into {@code survivor} as a duplicate: the record stays only so that the merge can be
 * undone. It is shown read-only with a link to the survivor, and every change to it is refused (410, with the
 * survivor's id as {@code mergedInto}).
 */
public class PersonMergedAway extends Conflict {

	private final PersonId person;

	private final PersonId survivor;

	public PersonMergedAway(PersonId person, PersonId survivor) {
		super(HttpStatus.GONE, "person.mergedAway", String.valueOf(survivor.value()));
		this.person = person;
		this.survivor = survivor;
	}

	public PersonId person() {
		return person;
	}

	public PersonId survivor() {
		return survivor;
	}

	@Override
	public String detailKey() {
		return "person.mergedAway.detail";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("mergedInto", survivor.value());
	}
}
