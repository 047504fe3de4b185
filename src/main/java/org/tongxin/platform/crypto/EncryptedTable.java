package org.tongxin.platform.crypto;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.tongxin.platform.crypto.FieldCipher.Purpose;

/**
 * A table whose columns hold {@link FieldCipher} values, declared as a bean by the module that owns it, so
 * that the re-encryption job ({@link ReEncryption}) can move them to the current suite and key without
 * knowing the module. The job writes only the declared columns.
 *
 * @param idColumn a unique, non-null numeric key, walked in order
 */
public record EncryptedTable(String table, String idColumn, List<EncryptedColumn> columns) {

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

	public EncryptedTable {
		// The names go into SQL: declared in code, never from input, and checked all the same.
		for (String name : names(table, idColumn, columns)) {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("not a plain SQL name: " + name);
			}
		}
		columns = List.copyOf(columns);
	}

	/**
	 * A bytea column of encrypted values and the keyed-hash columns computed from the same value, which
	 * change with the suite.
	 */
	public record EncryptedColumn(String column, List<DerivedHash> hashes) {

		public EncryptedColumn {
			hashes = List.copyOf(hashes);
		}

		public static EncryptedColumn of(String column, DerivedHash... hashes) {
			return new EncryptedColumn(column, List.of(hashes));
		}
	}

	/** A hash column: {@code hash(purpose, input(plain value))}. */
	public record DerivedHash(String column, Purpose purpose, UnaryOperator<String> input) {

		public static DerivedHash of(String column, Purpose purpose) {
			return new DerivedHash(column, purpose, UnaryOperator.identity());
		}
	}

	private static List<String> names(String table, String idColumn, List<EncryptedColumn> columns) {
		List<String> names = new java.util.ArrayList<>(List.of(table, idColumn));
		for (EncryptedColumn column : columns) {
			names.add(column.column());
			column.hashes().forEach(hash -> names.add(hash.column()));
		}
		return names;
	}
}
