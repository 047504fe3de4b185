package org.tongxin.people.imports;

import org.jspecify.annotations.Nullable;

/**
 * One line of the error report: the row number and the column header as the file has them, the value as
 * written (cut at 50 characters), the reason as a message key with its argument.
 */
public record RowError(int row, String column, String value, String reason, @Nullable String argument) {

	static final int VALUE_LENGTH = 50;

	public RowError {
		value = value.length() > VALUE_LENGTH ? value.substring(0, VALUE_LENGTH) + "…" : value;
	}
}
