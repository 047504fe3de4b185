package org.tongxin.people;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Valid ID numbers of any area, birth (1925 to today) and sequence, for the property tests. */
final class IdNumberArbitraries {

	private IdNumberArbitraries() {
	}

	static Arbitrary<IdNumber> idNumbers() {
		Arbitrary<String> areas = Arbitraries.integers().between(110000, 659999).map(Object::toString);
		Arbitrary<LocalDate> births = Arbitraries.integers()
			.between(0, 36_000)
			.map(days -> LocalDate.of(1925, 1, 1).plusDays(days))
			.filter(d -> !d.isAfter(LocalDate.now()));
		Arbitrary<Integer> sequences = Arbitraries.integers().between(0, 999);
		return Combinators.combine(areas, births, sequences).as(IdNumber::of);
	}
}
