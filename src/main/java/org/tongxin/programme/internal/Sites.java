package org.tongxin.programme.internal;

import static org.tongxin.platform.Texts.blankToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.SortOrder;
import org.tongxin.platform.LikePatterns;
import org.tongxin.platform.SqlDates;
import org.tongxin.platform.UnitId;
import org.tongxin.programme.Site;
import org.tongxin.programme.SiteFilter;
import org.tongxin.programme.SiteForm;
import org.tongxin.programme.SiteId;
import org.tongxin.programme.SiteKind;

/**
 * Demonstration sites. Every read takes the caller's {@link DataScope} into its SQL: a site outside
 * the scope is simply not found, by list, by id or by export.
 */
@Repository
public class Sites {

	// parent_name keeps the place ("深圳市 / 南山区") with the site, so lists need no join into platform tables.
	private static final String SELECT = "select s.* from programme_site s";

	private final JdbcClient jdbc;

	Sites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String WHERE = """
			 and (cast(:kind as text) is null or s.kind = :kind)
			 and (cast(:parentUnit as bigint) is null or s.parent_unit = :parentUnit)
			 and (cast(:text as text) is null or s.name like :text or s.address like :text)
			 and (:includeClosed or s.closed_on is null)""";

	/** The columns a user may sort the list by (fragments/sort.html), on the site's own row. */
	public static final Map<String, String> SORTS = Map.of("name", "s.name", "kind", "s.kind", "openedOn",
			"coalesce(s.opened_on, date '0001-01-01')");

	/**
	 * One page, newest first or in the order chosen; {@code before} is the id of the last site of the previous
	 * page.
	 */
	public List<Site> page(DataScope scope, SiteFilter filter, @Nullable SortOrder sort, @Nullable Long before,
			int size) {
		return filtered(scope, filter, SortOrder.keysetTail(sort, SORTS, "programme_site", "s.id", before,
				scope.restrict("s.unit_id")))
			.param("before", before)
			.param("size", size)
			.query(Sites::map)
			.list();
	}

	public long count(DataScope scope, SiteFilter filter) {
		return filtered(scope, filter, "", "select count(*) from programme_site s").query(Long.class).single();
	}

	public Stream<Site> stream(DataScope scope, SiteFilter filter) {
		return filtered(scope, filter, " order by s.id").query(Sites::map).stream();
	}

	/** Open sites per parent city or district unit, within the scope. */
	public Map<Long, Long> openCountsByParent(DataScope scope) {
		return scope
			.bind(jdbc.sql("select s.parent_unit, count(*) from programme_site s where " + scope.restrict("s.unit_id")
					+ " and s.closed_on is null group by s.parent_unit"))
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	public Optional<Site> find(DataScope scope, SiteId id) {
		return scope.bind(jdbc.sql(SELECT + " where s.id = :id and " + scope.restrict("s.unit_id")))
			.param("id", id.value())
			.query(Sites::map)
			.optional();
	}

	public SiteId insert(UnitId unit, String parentName, SiteForm form) {
		return new SiteId(jdbc.sql("""
				insert into programme_site (unit_id, parent_unit, parent_name, name, kind, address, opened_on,
				                            responsible_unit, description)
				values (:unit, :parent, :parentName, :name, :kind, :address, :openedOn, :responsible, :description)
				returning id""")
			.param("unit", unit.value())
			.param("parent", form.parentUnit())
			.param("parentName", parentName)
			.params(fields(form))
			.query(Long.class)
			.single());
	}

	/** Optimistic: returns false when someone else saved the site since {@code version} was read. */
	public boolean update(SiteId id, int version, String parentName, SiteForm form) {
		return jdbc.sql("""
				update programme_site
				   set parent_unit = :parent, parent_name = :parentName, name = :name, kind = :kind, address = :address,
				       opened_on = :openedOn, responsible_unit = :responsible, description = :description,
				       updated_at = now(), version = version + 1
				 where id = :id and version = :version""")
			.param("id", id.value())
			.param("version", version)
			.param("parent", form.parentUnit())
			.param("parentName", parentName)
			.params(fields(form))
			.update() == 1;
	}

	public void close(SiteId id, @Nullable LocalDate on) {
		jdbc.sql("update programme_site set closed_on = ?, updated_at = now(), version = version + 1 where id = ?")
			.params(SqlDates.of(on), id.value())
			.update();
	}

	private JdbcClient.StatementSpec filtered(DataScope scope, SiteFilter filter, String tail) {
		return filtered(scope, filter, tail, SELECT);
	}

	private JdbcClient.StatementSpec filtered(DataScope scope, SiteFilter filter, String tail, String select) {
		return scope.bind(jdbc.sql(select + " where " + scope.restrict("s.unit_id") + WHERE + tail))
			.param("kind", filter.kind() == null ? null : filter.kind().name())
			.param("parentUnit", filter.parentUnit())
			.param("text", LikePatterns.containing(filter.text()))
			.param("includeClosed", filter.includeClosed());
	}

	private static Map<String, @Nullable Object> fields(SiteForm form) {
		Map<String, @Nullable Object> fields = new java.util.HashMap<>();
		fields.put("name", form.name() == null ? null : form.name().strip());
		fields.put("kind", form.kind() == null ? null : form.kind().name());
		fields.put("address", blankToNull(form.address()));
		fields.put("openedOn", SqlDates.of(form.openedOn()));
		fields.put("responsible", blankToNull(form.responsibleUnit()));
		fields.put("description", blankToNull(form.description()));
		return fields;
	}


	private static Site map(ResultSet rs, int row) throws SQLException {
		return new Site(new SiteId(rs.getLong("id")), new UnitId(rs.getLong("unit_id")),
				new UnitId(rs.getLong("parent_unit")), rs.getString("parent_name"), rs.getString("name"),
				SiteKind.valueOf(rs.getString("kind")), rs.getString("address"),
				SqlDates.read(rs, "opened_on"), rs.getString("responsible_unit"),
				rs.getString("description"), SqlDates.read(rs, "closed_on"), rs.getInt("version"));
	}
}
