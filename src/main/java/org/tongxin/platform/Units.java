package org.tongxin.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit hierarchy 中央 → provinces → cities → districts → sites. Regions come from GB/T 2260 and
 * are fixed; sites are added by the programme module as demonstration sites open.
 */
@Service
@Transactional(readOnly = true)
public class Units {

	private static final String SELECT = "select id, code, name, level, parent_id, path::text as path from platform_unit";

	private final JdbcClient jdbc;

	Units(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Unit> find(UnitId id) {
		return jdbc.sql(SELECT + " where id = ?").param(id.value()).query(Units::map).optional();
	}

	public Unit get(UnitId id) {
		return find(id).orElseThrow(() -> new IllegalArgumentException("no unit " + id));
	}

	/** A unit, only when it lies within the scope. */
	public Optional<Unit> find(DataScope scope, UnitId id) {
		return scope.bind(jdbc.sql(SELECT + " where id = :id and " + scope.restrict("id")))
			.param("id", id.value())
			.query(Units::map)
			.optional();
	}

	public List<Unit> children(UnitId parent) {
		return jdbc.sql(SELECT + " where parent_id = ? and closed_at is null order by id").param(parent.value())
			.query(Units::map)
			.list();
	}

	/** The owning-unit picker of a form for the scope, with the city the user chose, if any. */
	public UnitPicker picker(DataScope scope, @Nullable Long city) {
		List<Unit> cities = citiesIn(scope);
		Long chosen = city != null ? city : cities.size() == 1 ? cities.get(0).id().value() : null;
		List<Unit> units = chosen == null && !cities.isEmpty() ? List.of()
				: cityAndDistricts(scope, chosen == null ? null : new UnitId(chosen));
		return new UnitPicker(cities, chosen, units);
	}

	/** The cities (municipalities included) of a scope: the first step of every owning-unit picker. */
	public List<Unit> citiesIn(DataScope scope) {
		return within(scope, UnitLevel.PROVINCE, UnitLevel.CITY).stream().filter(Unit::city).toList();
	}

	/**
	 * The second step of an owning-unit picker: the given city, if the scope holds it, and its districts; for
	 * an account below city level (no city in its scope), the districts of its scope.
	 */
	public List<Unit> cityAndDistricts(DataScope scope, @Nullable UnitId city) {
		if (city != null) {
			Optional<Unit> inScope = find(scope, city).filter(Unit::city);
			if (inScope.isPresent()) {
				List<Unit> result = new java.util.ArrayList<>();
				result.add(inScope.get());
				children(city).stream().filter(u -> u.level() == UnitLevel.DISTRICT).forEach(result::add);
				return result;
			}
		}
		return within(scope, UnitLevel.DISTRICT);
	}

	/** Units of the scope at the given levels, in tree order: for pickers. */
	public List<Unit> within(DataScope scope, UnitLevel... levels) {
		List<String> names = java.util.Arrays.stream(levels).map(Enum::name).toList();
		return scope
			.bind(jdbc.sql(SELECT + " where " + scope.restrict("id")
					+ " and level in (:levels) and closed_at is null order by path"))
			.param("levels", names)
			.query(Units::map)
			.list();
	}

	/** The names of a unit and its ancestors, from the top: "四川省 / 成都市 / 锦江区". */
	public List<String> lineage(UnitId id) {
		return jdbc.sql("""
				select a.name from platform_unit u join platform_unit a on a.path @> u.path
				where u.id = ? and a.level <> 'CENTRAL' order by nlevel(a.path)""")
			.param(id.value())
			.query(String.class)
			.list();
	}

	/** A unit with how many open units sit directly below it, for browsing the tree. */
	public record Branch(Unit unit, long children) {
	}

	/**
	 * Units of the scope under {@code parent} (its children), or, with a query, matching units anywhere in
	 * the scope by name fragment or code prefix; keyset-paged by path.
	 */
	public List<Branch> browse(DataScope scope, UnitId parent, @Nullable String query, @Nullable String afterPath,
			int size) {
		String where = query == null ? "u.parent_id = :parent" : "(u.name like :nameLike or u.code like :codeLike)";
		return scope
			.bind(jdbc.sql("""
					select u.id, u.code, u.name, u.level, u.parent_id, u.path::text as path,
					       (select count(*) from platform_unit c where c.parent_id = u.id and c.closed_at is null) as children
					from platform_unit u
					where %s and %s and (cast(:after as text) is null or u.path::text > :after)
					order by u.path::text limit :size""".formatted(where, scope.restrict("u.id"))))
			.param("parent", parent.value())
			.param("nameLike", query == null ? "" : LikePatterns.containing(query))
			.param("codeLike", query == null ? "" : LikePatterns.startingWith(query))
			.param("after", afterPath)
			.param("size", size)
			.query((rs, n) -> new Branch(map(rs, n), rs.getLong("children")))
			.list();
	}

	/** A unit and everything below it, within the scope, in tree order: for export. */
	public java.util.stream.Stream<Unit> subtree(DataScope scope, UnitId root) {
		return scope
			.bind(jdbc.sql(SELECT + " where path <@ (select r.path from platform_unit r where r.id = :root) and "
					+ scope.restrict("id") + " order by path"))
			.param("root", root.value())
			.query(Units::map)
			.stream();
	}

	/** The city a unit belongs to: the unit itself, or the city (or municipality) above a district. */
	public Unit cityOf(Unit unit) {
		return unit.level() == UnitLevel.DISTRICT && unit.parentId() != null ? get(unit.parentId()) : unit;
	}

	/** A short place name: "深圳市 / 南山区", "重庆市 / 渝中区"; the province is dropped once a city names the place. */
	public String place(UnitId id) {
		List<String> names = lineage(id);
		return String.join(" / ", names.size() > 2 ? names.subList(1, names.size()) : names);
	}

	@Transactional
	public Unit createSite(UnitId parent, String name) {
		Unit parentUnit = get(parent);
		if (parentUnit.level() != UnitLevel.CITY && parentUnit.level() != UnitLevel.DISTRICT
				&& parentUnit.level() != UnitLevel.PROVINCE) {
			throw new IllegalArgumentException("a site sits in a city or a district, not in " + parentUnit.level());
		}
		long id = jdbc.sql("select nextval('platform_unit_site_seq')").query(Long.class).single();
		jdbc.sql("""
				insert into platform_unit (id, code, name, level, parent_id, path)
				values (?, null, ?, 'SITE', ?, cast(? as ltree))""")
			.params(id, name, parent.value(), parentUnit.path() + "." + id)
			.update();
		return get(new UnitId(id));
	}

	@Transactional
	public void renameSite(UnitId site, String name) {
		jdbc.sql("update platform_unit set name = ? where id = ? and level = 'SITE'").params(name, site.value()).update();
	}

	@Transactional
	public void closeSite(UnitId site, boolean closed) {
		jdbc.sql("update platform_unit set closed_at = case when ? then now() end where id = ? and level = 'SITE'")
			.params(closed, site.value())
			.update();
	}

	private static Unit map(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		@Nullable UnitId parentId = rs.wasNull() ? null : new UnitId(parent);
		return new Unit(new UnitId(rs.getLong("id")), rs.getString("code"), rs.getString("name"),
				UnitLevel.valueOf(rs.getString("level")), parentId, rs.getString("path"));
	}
}
