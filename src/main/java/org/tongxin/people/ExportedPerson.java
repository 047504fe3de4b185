package org.tongxin.people;

import org.jspecify.annotations.Nullable;

/**
 * A row of an export: the person, and the ID number, phone, email and address either masked or — for users who
 * hold people:reveal — in clear ({@code clear} says which).
 */
public record ExportedPerson(Person person, @Nullable String idNumber, @Nullable String phone, @Nullable String email,
		@Nullable String address, boolean clear) {
}
