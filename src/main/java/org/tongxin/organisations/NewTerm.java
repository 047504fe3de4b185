package org.tongxin.organisations;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.tongxin.people.PersonId;

/**
 * 换届: on {@code on} the open positions of the current term end (the day before) and {@code positions} open
 * as the next term. {@code fromTerm} is the term the submitter saw as current (the form sends it): when another
 * 换届 has happened since, this one is refused instead of opening a second set of positions. Null: the current
 * term, whatever it is.
 */
public record NewTerm(LocalDate on, List<Position> positions, @Nullable Integer fromTerm) {

	public NewTerm(LocalDate on, List<Position> positions) {
		this(on, positions, null);
	}

	public record Position(PersonId person, MemberRole role) {
	}
}
