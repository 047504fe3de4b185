package org.tongxin.people;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.UnitId;

/**
 * A row of the person list and of the API's list: no clear sensitive value, the phone masked. {@code birthDate}
 * is set only for viewers with people:reveal; everyone sees {@code birthDecade} (1980 for the 1980s), null when
 * even the decade would narrow the ID number too far (see Masks).
 */
public record PersonSummary(PersonId id, UnitId unit, String place, @Nullable String name, @Nullable Sex sex,
		@Nullable LocalDate birthDate, @Nullable Integer birthDecade, String group, @Nullable String subgroup, @Nullable String employer,
		@Nullable String position, @Nullable String phoneMasked, ConsentState consentState) {

	/** The age on {@code today}, the application's (the clock's) date: the server's own date lags in UTC. */
	public @Nullable Integer age(LocalDate today) {
		return birthDate == null ? null : java.time.Period.between(birthDate, today).getYears();
	}
}
