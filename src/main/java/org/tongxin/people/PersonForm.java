package org.tongxin.people;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a user enters for a person, in the UI and in the API. On edit, a blank ID number, phone or religion
 * keeps the stored value (they are never sent back to the browser in clear). Checks that need the
 * database — dictionary codes, the unit's scope, the ID checksum — are made by {@link PeopleRegistry}.
 *
 * @param tags comma- or space-separated
 */
public record PersonForm(
		@NotNull(message = "{person.unit.required}") @Nullable Long unit,
		@NotBlank(message = "{person.name.required}") @Size(max = 50, message = "{person.name.size}") @Nullable String name,
		@Nullable Sex sex,
		@Past(message = "{person.birthDate.past}") @Nullable LocalDate birthDate,
		@Nullable String ethnicity,
		@Size(max = 20, message = "{person.idNumber.invalid}") @Nullable String idNumber,
		@Pattern(regexp = "^$|^1[3-9]\\d{9}$", message = "{person.phone.invalid}") @Nullable String phone,
		@Email(message = "{person.email.invalid}") @Size(max = 100, message = "{person.email.invalid}") @Nullable String email,
		@Nullable String education,
		@Nullable String affiliation,
		@Nullable String party,
		@Size(max = 50, message = "{person.religion.size}") @Nullable String religion,
		@NotBlank(message = "{person.group.required}") @Nullable String group,
		@Nullable String subgroup,
		@Size(max = 100, message = "{person.employer.size}") @Nullable String employer,
		@Size(max = 100, message = "{person.position.size}") @Nullable String position,
		@Nullable String sector,
		@Size(max = 200, message = "{person.address.size}") @Nullable String address,
		@Size(max = 200, message = "{person.tags.size}") @Nullable String tags,
		@Size(max = 2000, message = "{person.notes.size}") @Nullable String notes,
		@NotNull(message = "{person.legalBasis.required}") @Nullable LegalBasis legalBasis) {

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
