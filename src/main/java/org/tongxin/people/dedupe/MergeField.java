package org.tongxin.people.dedupe;

import java.util.List;

/**
 * The fields a reviewer chooses between when merging, with the columns each carries: a number travels with
 * its lookup hashes, a group with its sub-group, an affiliation with its party, a unit with its region code.
 */
public enum MergeField {

	NAME("name"), SEX("sex"), BIRTH_DATE("birth_date"), ETHNICITY("ethnicity"),
	ID_NUMBER("id_number_cipher", "id_number_hash"), PHONE("phone_cipher", "phone_hash", "phone_suffix_hash"),
	EMAIL("email_cipher"), EDUCATION("education"), AFFILIATION("affiliation", "party"), RELIGION("religion_cipher"),
	GROUP("group_code", "subgroup"), EMPLOYER("employer"), POSITION("position"), SECTOR("sector"),
	ADDRESS("address_cipher"), UNIT("unit_id", "region_code"), TAGS("tags"), NOTES("notes"), LEGAL_BASIS("legal_basis");

	private final List<String> columns;

	MergeField(String... columns) {
		this.columns = List.of(columns);
	}

	List<String> columns() {
		return columns;
	}
}
