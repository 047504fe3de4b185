package org.tongxin.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.UnitId;

/**
 * A person of the registry as users see them: sensitive fields only masked ({@code idNumberMasked},
 * {@code phoneMasked}; {@code religionRecorded} says whether a religion is on file). Clear values come
 * one at a time from {@link PeopleRegistry#reveal}.
 *
 * @param place the owning unit as a short place name, "成都市 / 锦江区"
 * @param name null once anonymised
 * @param birthDate only for viewers with people:reveal: beside anything else shown it would narrow the ID number
 * @param birthDecade what everyone else sees of the birth date (1980 for the 1980s); see Masks
 */
public record Person(PersonId id, UnitId unit, String place, String regionCode, @Nullable String name,
		@Nullable Sex sex, @Nullable LocalDate birthDate, @Nullable Integer birthDecade, @Nullable String ethnicity, @Nullable String idNumberMasked,
		@Nullable String phoneMasked, @Nullable String emailMasked, @Nullable String education, @Nullable String affiliation,
		@Nullable String party, boolean religionRecorded, String group, @Nullable String subgroup,
		@Nullable String employer, @Nullable String position, @Nullable String sector, @Nullable String addressMasked,
		List<String> tags, @Nullable String notes, LegalBasis legalBasis, ConsentState consentState, Instant createdAt,
		Instant updatedAt, int version, @Nullable Instant anonymisedAt) {

	public boolean anonymised() {
		return anonymisedAt != null;
	}

	/** The age on {@code today}, the application's (the clock's) date: the server's own date lags in UTC. */
	public @Nullable Integer age(LocalDate today) {
		return birthDate == null ? null : java.time.Period.between(birthDate, today).getYears();
	}
}
