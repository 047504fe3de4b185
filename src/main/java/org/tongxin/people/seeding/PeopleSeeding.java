package org.tongxin.people.seeding;

import java.util.List;

import org.springframework.stereotype.Component;
import org.tongxin.people.ConsentState;
import org.tongxin.people.PersonFilter;
import org.tongxin.people.PersonId;
import org.tongxin.people.internal.Persons;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.Units;

/**
 * What other modules' demo data read of the registry: a sample of persons in a unit, to make members and
 * participants of. The demo is seeded by the system before any account exists: the sample is taken in the
 * unit's own scope, not a caller's. Nothing but demo data uses it (its package is the module's
 * {@code seeding} interface).
 */
@Component
public class PeopleSeeding {

	private final Persons persons;

	private final Units units;

	PeopleSeeding(Persons persons, Units units) {
		this.persons = persons;
		this.units = units;
	}

	/** Up to {@code size} persons held by {@code unit} or below it, newest first. */
	public List<Sampled> sampleIn(UnitId unit, PersonFilter filter, int size) {
		Unit owner = units.get(unit);
		return persons.page(new DataScope(owner.id(), owner.path()), filter, null, size)
			.stream()
			.map(row -> new Sampled(new PersonId(row.id()), ConsentState.valueOf(row.consentState())))
			.toList();
	}

	/** A sampled person: enough to enrol them, and whether they may be registered for events. */
	public record Sampled(PersonId id, ConsentState consent) {
	}
}
