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
 */
public record DataScope(UnitId unit, String path) {

	public static final String PARAMETER = "scopePath";

	/** A predicate that holds when the unit in {@code unitColumn} lies within this scope. */
	public String restrict(String unitColumn) {
		return unitColumn + " in (select scope_unit.id from platform_unit scope_unit where scope_unit.path <@ cast(:"
				+ PARAMETER + " as ltree))";
	}

	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		return statement.param(PARAMETER, path);
	}
}
