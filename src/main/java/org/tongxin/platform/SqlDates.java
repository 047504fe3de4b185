package org.tongxin.platform;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** Dates between records and SQL: an optional date (a planned end, a date of birth) stays null both ways. */
public final class SqlDates {

	private SqlDates() {
	}

	/** The date as a statement parameter; null for none. */
	public static @Nullable Date of(@Nullable LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	/** The date in the column; null where the column is null. */
	public static @Nullable LocalDate read(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}
}
