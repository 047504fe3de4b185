package org.tongxin.activities.internal;

import static org.tongxin.platform.Texts.blankToNull;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.activities.Series;
import org.tongxin.activities.SeriesForm;
import org.tongxin.activities.SeriesId;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.LikePatterns;
import org.tongxin.platform.UnitId;
import org.tongxin.projects.ProjectId;

/** Brand series, always read within the caller's scope on the series' owning unit. */
@Repository
public class AllSeries {

	private static final String SELECT = """
			select s.*, u.name as unit_name, (select count(*) from act_event e where e.series_id = s.id) as events
			  from act_series s join platform_unit u on u.id = s.unit_id""";

	private final JdbcClient jdbc;

	AllSeries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page by name order is not keyset-friendly; series are paged by id, newest first. */
	public List<Series> page(DataScope scope, @Nullable String text, @Nullable Long before, int size) {
		return scope
			.bind(jdbc.sql(SELECT + " where " + scope.restrict("s.unit_id") + """
					 and (cast(:text as text) is null or s.name like :pattern)
					 and (cast(:before as bigint) is null or s.id < :before)
					 order by s.id desc limit :size"""))
			.param("text", text)
			.param("pattern", LikePatterns.containing(text))
			.param("before", before)
			.param("size", size)
			.query(AllSeries::map)
			.list();
	}

	public List<Series> all(DataScope scope) {
		return scope.bind(jdbc.sql(SELECT + " where " + scope.restrict("s.unit_id") + " order by s.name"))
			.query(AllSeries::map)
			.list();
	}

	public Optional<Series> find(DataScope scope, SeriesId id) {
		return scope.bind(jdbc.sql(SELECT + " where s.id = :id and " + scope.restrict("s.unit_id")))
			.param("id", id.value())
			.query(AllSeries::map)
			.optional();
	}

	/** For demo data: the series of that name owned by that unit. */
	public Optional<SeriesId> named(UnitId unit, String name) {
		return jdbc.sql("select id from act_series where unit_id = ? and name = ?")
			.params(unit.value(), name)
			.query((rs, n) -> new SeriesId(rs.getLong(1)))
			.optional();
	}

	public boolean nameTaken(UnitId unit, String name, @Nullable SeriesId except) {
		return jdbc.sql("select count(*) from act_series where unit_id = ? and name = ? and id <> ?")
			.params(unit.value(), name, except == null ? -1L : except.value())
			.query(Long.class)
			.single() > 0;
	}

	public SeriesId insert(UnitId unit, SeriesForm form) {
		return new SeriesId(jdbc.sql("""
				insert into act_series (unit_id, name, description, project_id, organisation_ids)
				values (:unit, :name, :description, :project, cast(:orgs as bigint[])) returning id""")
			.param("unit", unit.value())
			.param("name", form.name() == null ? "" : form.name().strip())
			.param("description", blankToNull(form.description()))
			.param("project", form.projectId())
			.param("orgs", form.organisations().toArray(Long[]::new))
			.query(Long.class)
			.single());
	}

	public boolean update(SeriesId id, int version, SeriesForm form) {
		return jdbc.sql("""
				update act_series set name = :name, description = :description, project_id = :project,
				       organisation_ids = cast(:orgs as bigint[]), updated_at = now(), version = version + 1
				 where id = :id and version = :version""")
			.param("id", id.value())
			.param("version", version)
			.param("name", form.name() == null ? "" : form.name().strip())
			.param("description", blankToNull(form.description()))
			.param("project", form.projectId())
			.param("orgs", form.organisations().toArray(Long[]::new))
			.update() == 1;
	}

	static List<OrganisationId> organisations(@Nullable Array array) throws SQLException {
		List<OrganisationId> ids = new ArrayList<>();
		if (array != null) {
			for (Object o : (Object[]) array.getArray()) {
				ids.add(new OrganisationId(((Number) o).longValue()));
			}
		}
		return ids;
	}

	private static Series map(ResultSet rs, int row) throws SQLException {
		Long project = rs.getObject("project_id", Long.class);
		return new Series(new SeriesId(rs.getLong("id")), new UnitId(rs.getLong("unit_id")), rs.getString("unit_name"),
				rs.getString("name"), rs.getString("description"), project == null ? null : new ProjectId(project),
				organisations(rs.getArray("organisation_ids")), rs.getLong("events"), rs.getInt("version"));
	}
}
