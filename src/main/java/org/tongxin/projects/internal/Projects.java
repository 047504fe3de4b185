package org.tongxin.projects.internal;

import static org.tongxin.platform.Texts.blankToNull;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.SortOrder;
import org.tongxin.platform.LikePatterns;
import org.tongxin.platform.SqlDates;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.UnitId;
import org.tongxin.programme.SiteId;
import org.tongxin.projects.BatchId;
import org.tongxin.projects.Project;
import org.tongxin.projects.ProjectFilter;
import org.tongxin.projects.ProjectForm;
import org.tongxin.projects.ProjectId;
import org.tongxin.projects.ProjectStatus;
import org.tongxin.projects.TimelineEntry;

/**
 * Key projects. Every read restricts the owning unit ({@code p.unit_id}) to the caller's
 * {@link DataScope} inside the SQL: a project outside the scope is not found by list, id, export or count.
 */
@Repository
public class Projects {

	private static final String SELECT = """
			select p.*, b.number as batch_number,
			       array(select ps.site_id from programme_project_site ps where ps.project_id = p.id order by ps.site_id) as site_ids
			from programme_project p join programme_batch b on b.id = p.batch_id""";

	private static final String WHERE = """
			 and (cast(:batch as bigint) is null or p.batch_id = :batch)
			 and (cast(:city as bigint) is null or p.city_unit = :city)
			 and (cast(:status as text) is null or p.status = :status)
			 and (cast(:text as text) is null or p.title like :text or p.carrier like :text
			      or p.unit_name like :text)""";

	private final JdbcClient jdbc;

	Projects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The columns a user may sort the list by (fragments/sort.html), on the project's own row. */
	public static final Map<String, String> SORTS = Map.of("title", "p.title", "status", "p.status", "place",
			"coalesce(p.unit_name, '')");

	/**
	 * One page, newest first or in the order chosen; {@code before} is the id of the last project of the
	 * previous page.
	 */
	public List<Project> page(DataScope scope, ProjectFilter filter, @Nullable SortOrder sort, @Nullable Long before,
			int size) {
		return filtered(scope, filter, SELECT, SortOrder.keysetTail(sort, SORTS, "programme_project", "p.id",
				before, scope.restrict("p.unit_id")))
			.param("before", before)
			.param("size", size)
			.query(Projects::map)
			.list();
	}

	public long count(DataScope scope, ProjectFilter filter) {
		return filtered(scope, filter, "select count(*) from programme_project p", "").query(Long.class).single();
	}

	/** In batch and city order, as an export reads best. */
	public Stream<Project> stream(DataScope scope, ProjectFilter filter) {
		return filtered(scope, filter, SELECT, " order by b.number, p.city_unit, p.id").query(Projects::map).stream();
	}

	public Optional<Project> find(DataScope scope, ProjectId id) {
		return scope.bind(jdbc.sql(SELECT + " where p.id = :id and " + scope.restrict("p.unit_id")))
			.param("id", id.value())
			.query(Projects::map)
			.optional();
	}

	/** The cities that own projects in the scope, for the filter. */
	public Map<Long, String> cities(DataScope scope) {
		Map<Long, String> cities = new java.util.LinkedHashMap<>();
		scope.bind(jdbc.sql("select distinct p.city_unit, p.city_name from programme_project p where "
				+ scope.restrict("p.unit_id") + " order by p.city_unit"))
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.forEach(e -> cities.put(e.getKey(), e.getValue()));
		return cities;
	}

	/** A count in the scope per batch number and status. */
	public record BatchStatusCount(int batchNumber, ProjectStatus status, long count) {
	}

	public List<BatchStatusCount> countsByBatchAndStatus(DataScope scope) {
		return scope.bind(jdbc.sql("""
				select b.number, p.status, count(*)
				from programme_project p join programme_batch b on b.id = p.batch_id
				where %s
				group by b.number, p.status order by b.number""".formatted(scope.restrict("p.unit_id"))))
			.query((rs, n) -> new BatchStatusCount(rs.getInt(1), ProjectStatus.valueOf(rs.getString(2)), rs.getLong(3)))
			.list();
	}

	/** Projects per city name within the scope, most first. */
	public Map<String, Long> countsByCity(DataScope scope) {
		Map<String, Long> counts = new java.util.LinkedHashMap<>();
		scope.bind(jdbc.sql("select p.city_name, count(*) from programme_project p where " + scope.restrict("p.unit_id")
				+ " group by p.city_unit, p.city_name order by count(*) desc, p.city_unit"))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	public ProjectId insert(ProjectForm form, BatchId batch, UnitId unit, String place, UnitId city, String cityName,
			ProjectStatus status) {
		return new ProjectId(jdbc.sql("""
				insert into programme_project (batch_id, unit_id, unit_name, city_unit, city_name, title, carrier,
				                               target_groups, innovation_focus, background, goals, measures,
				                               responsible_persons, partner_units, budget, starts_on, ends_on, status)
				values (:batch, :unit, :place, :city, :cityName, :title, :carrier, cast(:groups as text[]), :focus,
				        :background, :goals, :measures, :responsible, :partners, :budget, :startsOn, :endsOn, :status)
				returning id""")
			.params(fields(form, batch, unit, place, city, cityName))
			.param("status", status.name())
			.query(Long.class)
			.single());
	}

	/** Optimistic: false when someone else saved the project since {@code version} was read. */
	public boolean update(ProjectId id, int version, ProjectForm form, BatchId batch, UnitId unit, String place,
			UnitId city, String cityName) {
		return jdbc.sql("""
				update programme_project
				   set batch_id = :batch, unit_id = :unit, unit_name = :place, city_unit = :city, city_name = :cityName,
				       title = :title, carrier = :carrier, target_groups = cast(:groups as text[]),
				       innovation_focus = :focus, background = :background, goals = :goals, measures = :measures,
				       responsible_persons = :responsible, partner_units = :partners, budget = :budget,
				       starts_on = :startsOn, ends_on = :endsOn, updated_at = now(), version = version + 1
				 where id = :id and version = :version""")
			.params(fields(form, batch, unit, place, city, cityName))
			.param("id", id.value())
			.param("version", version)
			.update() == 1;
	}

	public void setStatus(ProjectId id, ProjectStatus status) {
		jdbc.sql("update programme_project set status = ?, updated_at = now(), version = version + 1 where id = ?")
			.params(status.name(), id.value())
			.update();
	}

	public void replaceSites(ProjectId id, List<SiteId> sites) {
		jdbc.sql("delete from programme_project_site where project_id = ?").param(id.value()).update();
		for (SiteId site : sites) {
			jdbc.sql("insert into programme_project_site (project_id, site_id) values (?, ?)")
				.params(id.value(), site.value())
				.update();
		}
	}

	/** A line of the project's timeline; the audit log holds the full before/after. */
	public void event(ProjectId id, String kind, @Nullable String detail, String actor) {
		event(id, kind, detail, actor, null);
	}

	/** An event at a given time, for history entered after the fact (the demo data set). */
	public void event(ProjectId id, String kind, @Nullable String detail, String actor, java.time.@Nullable Instant at) {
		jdbc.sql("""
				insert into programme_project_event (project_id, kind, detail, actor, at)
				values (?, ?, ?, ?, coalesce(?, now()))""")
			.params(id.value(), kind, detail, actor, at == null ? null : java.sql.Timestamp.from(at))
			.update();
	}

	public List<TimelineEntry> events(DataScope scope, ProjectId id) {
		return scope.bind(jdbc.sql("""
				select e.at, e.kind, e.detail, e.actor
				from programme_project_event e join programme_project p on p.id = e.project_id
				where e.project_id = :id and %s
				order by e.at, e.id""".formatted(scope.restrict("p.unit_id"))))
			.param("id", id.value())
			.query((rs, n) -> new TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("kind"),
					rs.getString("detail"), rs.getString("actor")))
			.list();
	}

	private JdbcClient.StatementSpec filtered(DataScope scope, ProjectFilter filter, String select, String tail) {
		return scope.bind(jdbc.sql(select + " where " + scope.restrict("p.unit_id") + WHERE + tail))
			.param("batch", filter.batch())
			.param("city", filter.city())
			.param("status", filter.status() == null ? null : filter.status().name())
			.param("text", LikePatterns.containing(filter.text()));
	}

	private static Map<String, @Nullable Object> fields(ProjectForm form, BatchId batch, UnitId unit, String place,
			UnitId city, String cityName) {
		Map<String, @Nullable Object> fields = new java.util.HashMap<>();
		fields.put("batch", batch.value());
		fields.put("unit", unit.value());
		fields.put("place", place);
		fields.put("city", city.value());
		fields.put("cityName", cityName);
		fields.put("title", form.title() == null ? null : form.title().strip());
		fields.put("carrier", blankToNull(form.carrier()));
		fields.put("groups", form.targetGroups() == null ? new String[0]
				: form.targetGroups().stream().distinct().sorted().map(Enum::name).toArray(String[]::new));
		fields.put("focus", blankToNull(form.innovationFocus()));
		fields.put("background", blankToNull(form.background()));
		fields.put("goals", blankToNull(form.goals()));
		fields.put("measures", blankToNull(form.measures()));
		fields.put("responsible", blankToNull(form.responsiblePersons()));
		fields.put("partners", blankToNull(form.partnerUnits()));
		fields.put("budget", form.budget());
		fields.put("startsOn", SqlDates.of(form.startsOn()));
		fields.put("endsOn", SqlDates.of(form.endsOn()));
		return fields;
	}

	private static Project map(ResultSet rs, int row) throws SQLException {
		Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
		for (String group : (String[]) rs.getArray("target_groups").getArray()) {
			groups.add(TargetGroup.valueOf(group));
		}
		Array siteArray = rs.getArray("site_ids");
		List<SiteId> sites = Arrays.stream((Long[]) siteArray.getArray()).map(SiteId::new).toList();
		return new Project(new ProjectId(rs.getLong("id")), new BatchId(rs.getLong("batch_id")), rs.getInt("batch_number"),
				new UnitId(rs.getLong("unit_id")), rs.getString("unit_name"), new UnitId(rs.getLong("city_unit")),
				rs.getString("city_name"), rs.getString("title"), rs.getString("carrier"), groups,
				rs.getString("innovation_focus"), rs.getString("background"), rs.getString("goals"),
				rs.getString("measures"), rs.getString("responsible_persons"), rs.getString("partner_units"),
				rs.getBigDecimal("budget"), SqlDates.read(rs, "starts_on"),
				SqlDates.read(rs, "ends_on"), ProjectStatus.valueOf(rs.getString("status")), sites,
				rs.getInt("version"));
	}
}
