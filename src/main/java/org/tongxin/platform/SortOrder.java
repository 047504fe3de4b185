package org.tongxin.platform;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The order a user chose by a list's column header: one of the list's sort keys, ascending or descending, written
 * {@code sort=name} or {@code sort=-name} in the URL (fragments/sort.html makes the links). A list without one
 * keeps its own order.
 * <p>
 * Keyset-compatible: a sorted list still pages by the id of the last row shown. The next page is the rows after
 * that row in (sort value, id) order, the row's own sort value read in the same statement
 * ({@link #continuing}), so the cursor in the URL stays an id and a value changed in between moves the row, not
 * the page. Sort expressions must not be null (wrap a nullable column in {@code coalesce}), or the comparison
 * drops the rows.
 */
public record SortOrder(String key, boolean descending) {

	public static final String PARAMETER = "sort";

	public SortOrder {
		Objects.requireNonNull(key);
	}

	/**
	 * The order in {@code text} ("name", "-name") when its key is one of {@code expressions}' keys; null (the
	 * list's own order) for anything else: a key the list does not know is ignored, never put into SQL.
	 */
	public static @Nullable SortOrder chosen(@Nullable String text, Map<String, String> expressions) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		boolean descending = value.startsWith("-");
		String key = descending ? value.substring(1) : value;
		return expressions.containsKey(key) ? new SortOrder(key, descending) : null;
	}

	/** How the URL writes it. */
	public String parameter() {
		return descending ? "-" + key : key;
	}

	/** {@code expression dir, id dir}: the order by terms. */
	public String orderBy(String expression, String idColumn) {
		String direction = descending ? " desc" : "";
		return expression + direction + ", " + idColumn + direction;
	}

	/**
	 * The rows after the row whose id is bound as {@code :parameter}, in this order: {@code (expression, id) >
	 * (the same of that row)}, the row read from {@code table} under the same alias, so that {@code expression}
	 * means the same on both sides. {@code scope} (the list's {@link DataScope#restrict}) applies to that row
	 * too: without it a hand-written cursor naming a row outside the scope would tell, page after page, where
	 * that row's value falls among the caller's own rows.
	 */
	public String continuing(String expression, String idColumn, String table, String parameter, String scope) {
		int dot = idColumn.indexOf('.');
		String alias = dot < 0 ? "" : " " + idColumn.substring(0, dot);
		return "(" + expression + ", " + idColumn + ") " + (descending ? "<" : ">") + " (select " + expression + ", "
				+ idColumn + " from " + table + alias + " where " + idColumn + " = :" + parameter + " and " + scope + ")";
	}

	/**
	 * The end of a keyset page's statement over {@code table} (rows named by {@code idColumn}'s alias): newest
	 * first ({@code id desc}) when {@code sort} is null, else in its order; after the row whose id is bound as
	 * {@code :before} when {@code before} is given, {@code :size} rows at most. The caller binds both, and the
	 * scope ({@code scope}: its {@link DataScope#restrict}).
	 */
	public static String keysetTail(@Nullable SortOrder sort, Map<String, String> expressions, String table,
			String idColumn, @Nullable Object before, String scope) {
		if (sort == null) {
			return " and (cast(:before as bigint) is null or " + idColumn + " < :before) order by " + idColumn
					+ " desc limit :size";
		}
		String expression = Objects.requireNonNull(expressions.get(sort.key()));
		return (before == null ? " and cast(:before as bigint) is null"
				: " and " + sort.continuing(expression, idColumn, table, "before", scope)) + " order by "
				+ sort.orderBy(expression, idColumn) + " limit :size";
	}
}
