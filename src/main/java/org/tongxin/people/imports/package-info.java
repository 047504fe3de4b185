/**
 * Importing persons from the spreadsheets departments already keep: streamed parsing and cleaning in
 * Java (sensitive values are encrypted and hashed before anything reaches the database), COPY into a
 * staging table, and set-based validation and merge in one transaction per import job.
 */
@NullMarked
package org.tongxin.people.imports;

import org.jspecify.annotations.NullMarked;
