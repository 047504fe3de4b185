package org.tongxin.organisations;

import java.time.LocalDate;
import java.util.List;

import org.tongxin.people.PersonId;

/**
 * 换届: on {@code on} the open positions of the current term end (the day before) and {@code positions} open
 * as the next term.
 */
public record NewTerm(LocalDate on, List<Position> positions) {

	public record Position(PersonId person, MemberRole role) {
	}
}
