package org.tongxin.projects.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.DataScope;
import org.tongxin.projects.Indicator;
import org.tongxin.projects.IndicatorForm;
import org.tongxin.projects.IndicatorId;
import org.tongxin.projects.ProjectId;

/**
 * Project indicators with the latest value of a standing (not returned) report, scoped through their
 * project's owning unit.
 */
@Repository
public class Indicators {

	/** Reported dates are shown as the day in China, where every report is made. */

	private static final String SELECT = """
			select i.*, latest.value as latest, latest.submitted_at as latest_at
			from programme_indicator i
			join programme_project p on p.id = i.project_id
			left join lateral (
			    select v.value, r.submitted_at
			    from programme_report_value v join programme_report r on r.id = v.report_id
			    where v.indicator_id = i.id and r.state = 'SUBMITTED'
			    order by r.submitted_at desc, r.id desc
			    limit 1) latest on true""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Indicators(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	public List<Indicator> of(DataScope scope, Collection<ProjectId> projects) {
		if (projects.isEmpty()) {
			return List.of();
		}
		return scope
			.bind(jdbc.sql(SELECT + " where i.project_id in (:projects) and " + scope.restrict("p.unit_id")
					+ " order by i.project_id, i.sort, i.id"))
			.param("projects", projects.stream().map(ProjectId::value).toList())
			.query(this::map)
			.list();
	}

	/** Every indicator of the scope's active projects: the achievement distribution of the dashboard. */
	public List<Indicator> ofActiveProjects(DataScope scope) {
		return scope
			.bind(jdbc.sql(SELECT + " where " + scope.restrict("p.unit_id")
					+ " and p.status in ('PLANNED', 'IN_PROGRESS', 'AT_RISK') order by i.project_id, i.sort, i.id"))
			.query(this::map)
			.list();
	}

	public IndicatorId insert(ProjectId project, IndicatorForm form) {
		return new IndicatorId(jdbc.sql("""
				insert into programme_indicator (project_id, name, unit_label, baseline, target, sort)
				values (:project, :name, :unit, :baseline, :target,
				        (select coalesce(max(sort), 0) + 1 from programme_indicator where project_id = :project))
				returning id""")
			.param("project", project.value())
			.param("name", form.name() == null ? null : form.name().strip())
			.param("unit", form.unitLabel() == null ? null : form.unitLabel().strip())
			.param("baseline", form.baseline() == null ? BigDecimal.ZERO : form.baseline())
			.param("target", form.target())
			.query(Long.class)
			.single());
	}

	public boolean hasValues(IndicatorId id) {
		return jdbc.sql("select exists (select 1 from programme_report_value where indicator_id = ?)")
			.param(id.value())
			.query(Boolean.class)
			.single();
	}

	public void delete(ProjectId project, IndicatorId id) {
		jdbc.sql("delete from programme_indicator where id = ? and project_id = ?")
			.params(id.value(), project.value())
			.update();
	}

	private Indicator map(ResultSet rs, int row) throws SQLException {
		Timestamp latestAt = rs.getTimestamp("latest_at");
		return new Indicator(new IndicatorId(rs.getLong("id")), new ProjectId(rs.getLong("project_id")),
				rs.getString("name"), rs.getString("unit_label"), rs.getBigDecimal("baseline"), rs.getBigDecimal("target"),
				rs.getBigDecimal("latest"), latestAt == null ? null : latestAt.toInstant().atZone(clock.getZone()).toLocalDate());
	}
}
