package org.tongxin.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The part of the hierarchy an account may see: its own unit and everything below.
 * <p>
 * Scope is enforced inside SQL, never by filtering in memory: a query restricts its unit column with
 * {@link #restrict(String)} and binds the scope with {@link #bind(JdbcClient.StatementSpec)}.
 *
 * <pre>
 * scope.bind(jdbc.sql("select * from programme_site s where s.id = :id and " + scope.restrict("s.unit_id")))
 * </pre>
 *
 * <h2>Why the predicate names a column of the row itself</h2>
 * Every table with a {@code unit_id} carries the ids of the owning unit's ancestors at depths 2, 3 and 4 of
 * the unit tree ({@code unit_d2}, {@code unit_d3}, {@code unit_d4}: province; city, municipal district or
 * province-governed county; district or a site below them), filled by a trigger from {@code platform_unit}
 * whenever {@code unit_id} is set (V102, decision 0010). A scope then becomes one equality on one column
 * ({@code p.unit_d3 = 510100} for 成都), whose selectivity PostgreSQL reads from the column's statistics and
 * which walks a {@code (unit_d3, id)} index newest first and stops after a page. The former predicate, a
 * semi-join on the unit tree, was a guess to the planner: at ten million persons it picked plans a
 * thousand times slower for small cities and for the centre.
 * <p>
 * The centre's scope is no predicate at all; a unit below depth 4 (a site under a district) is matched by
 * its own id, since sites are leaves.
 */
public record DataScope(UnitId unit, String path) {

	/** The bound value: the scope's own unit id. */
	public static final String PARAMETER = "scopeUnit";

	/** The bound value of {@link #containsUnit}: the scope's path. */
	public static final String PATH_PARAMETER = "scopePath";

	/** The deepest level with a column of its own; below it a unit is matched by its id. */
	private static final int DEEPEST_COLUMN = 4;

	/**
	 * The whole country: the centre's scope, for work the system does on no account's behalf (demo data,
	 * scheduled maintenance) and for lookups after the caller's own scope was checked (the event of a
	 * registration in scope) or of reference data (the cities a person can be sent to). Never as the scope
	 * of what a request lists or shows.
	 */
	public static DataScope everywhere() {
		return new DataScope(UnitId.CENTRAL, "1");
	}

	/** The scope of a unit known only by its path "1.510000.510100": the last label is the unit's id. */
	public static DataScope ofPath(String path) {
		return new DataScope(new UnitId(Long.parseLong(path.substring(path.lastIndexOf('.') + 1))), path);
	}

	/** 1 for the centre, 2 for a province, 3 for a city, … */
	public int depth() {
		int depth = 1;
		for (int i = 0; i < path.length(); i++) {
			if (path.charAt(i) == '.') {
				depth++;
			}
		}
		return depth;
	}

	/**
	 * A predicate that holds when the row whose unit column is {@code unitColumn} ("p.unit_id", or "u.id"
	 * for platform_unit) lies within this scope. The row's table must carry the depth columns (every table
	 * with a unit_id does; {@code ScopeColumnsTests} checks it).
	 */
	public String restrict(String unitColumn) {
		return restrict(unitColumn, PARAMETER);
	}

	/**
	 * The same predicate with the unit bound under another name: for a filter that narrows a list to one
	 * unit inside the caller's scope ({@code scope.restrict(...) and filterUnit.restrict(..., "filterUnit")}).
	 */
	public String restrict(String unitColumn, String parameter) {
		int depth = depth();
		// Parenthesised: callers append "and …" directly after it.
		if (depth == 1) {
			return "(true)";
		}
		if (depth > DEEPEST_COLUMN) {
			return "(" + unitColumn + " = :" + parameter + ")";
		}
		int dot = unitColumn.lastIndexOf('.');
		String table = dot < 0 ? "" : unitColumn.substring(0, dot + 1);
		return "(" + table + "unit_d" + depth + " = :" + parameter + ")";
	}

	/**
	 * The scope of a keyset list that is walked newest first: the same rows as {@link #restrict}, written as a
	 * range on the scope's column ({@code o.unit_d3 between :scopeUnit and :scopeUnit}), to be paired with
	 * {@link #listOrder}.
	 * <p>
	 * Why not the equality: with {@code unit_d3 = X} the planner treats unit_d3 as a constant, drops it from
	 * {@code order by unit_d3, id} and may walk the primary key newest first, filtering row by row, whenever
	 * the statistics say the scope is a large share of the table. The share says nothing about where the
	 * scope's rows lie: a large city with none among the newest two million ids (another city's bulk import)
	 * then costs two million rows per page. The range keeps unit_d3 in the order, which only the scope's
	 * own {@code (unit_dN, …)} index delivers, and its selectivity is estimated from the same statistics.
	 */
	public String restrictList(String unitColumn) {
		return restrictList(unitColumn, PARAMETER);
	}

	/** {@link #restrictList(String)} with the unit bound under another name (a unit chosen in a filter). */
	public String restrictList(String unitColumn, String parameter) {
		String equality = restrict(unitColumn, parameter);
		if (!equality.contains(" = :")) {
			return equality;
		}
		String column = equality.substring(1, equality.indexOf(" = :"));
		return "(" + column + " between :" + parameter + " and :" + parameter + ")";
	}

	/**
	 * The order of a list restricted by {@link #restrictList}: the scope's column first, then
	 * {@code order} ("o.id desc", "e.starts_at desc, e.id desc"), both in the direction of the first order
	 * column. For the centre just {@code order}.
	 */
	public String listOrder(String unitColumn, String order) {
		String restricted = restrict(unitColumn);
		if (!restricted.contains(" = :")) {
			return order;
		}
		String column = restricted.substring(1, restricted.indexOf(" = :"));
		String first = order.split(",")[0].strip().toLowerCase(java.util.Locale.ROOT);
		return column + (first.endsWith(" desc") ? " desc, " : ", ") + order;
	}

	/**
	 * The predicate for a unit id that is not a stored row's owner (a computed or staged unit, such as an
	 * import row's place): a lookup in the unit tree. Bound by {@link #bind} like {@link #restrict}.
	 */
	public String containsUnit(String unitExpression) {
		return unitExpression + " in (select scope_unit.id from platform_unit scope_unit where scope_unit.path <@ cast(:"
				+ PATH_PARAMETER + " as ltree))";
	}

	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		return statement.param(PARAMETER, unit.value()).param(PATH_PARAMETER, path);
	}
}
