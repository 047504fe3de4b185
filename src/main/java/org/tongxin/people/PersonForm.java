package org.tongxin.people;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What a user enters for a person, in the UI and in the API. On edit, a blank ID number, phone or religion
 * keeps the stored value (they are never sent back to the browser in clear). The rules of a person's values are
 * checked by {@link PeopleRegistry} with {@code PersonRules}, the same rules an import is checked by, all at
 * once (a form with several mistakes shows them all).
 *
 * @param tags comma- or space-separated
 */
public record PersonForm(
		@Nullable Long unit,
		@Nullable String name,
		@Nullable Sex sex,
		@Nullable LocalDate birthDate,
		@Nullable String ethnicity,
		@Nullable String idNumber,
		@Nullable String phone,
		@Nullable String email,
		@Nullable String education,
		@Nullable String affiliation,
		@Nullable String party,
		@Nullable String religion,
		@Nullable String group,
		@Nullable String subgroup,
		@Nullable String employer,
		@Nullable String position,
		@Nullable String sector,
		@Nullable String address,
		@Nullable String tags,
		@Nullable String notes,
		@Nullable LegalBasis legalBasis) {

	public static PersonForm empty() {
		return new PersonForm(null, null, null, null, "01", null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null);
	}

	/** The form for editing: everything but the encrypted fields, which stay blank unless replaced. */
	public static PersonForm of(Person p) {
		return new PersonForm(p.unit().value(), p.name(), p.sex(), p.birthDate(), p.ethnicity(), null, null, null,
				p.education(), p.affiliation(), p.party(), null, p.group(), p.subgroup(), p.employer(), p.position(),
				p.sector(), null, String.join(" ", p.tags()), p.notes(), p.legalBasis());
	}
}
