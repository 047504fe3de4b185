package org.tongxin.people.imports;

/** What to do with a row that matches a person already in the registry. */
public enum ImportMode {

	/** Leave the person as they are; the row counts as skipped. */
	SKIP,

	/** Overwrite with the file's non-empty values. */
	UPDATE,

	/** Only fill the person's empty fields. */
	FILL_EMPTY
}
