package org.tongxin.projects.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.SqlDates;
import org.tongxin.projects.Milestone;
import org.tongxin.projects.MilestoneForm;
import org.tongxin.projects.MilestoneId;
import org.tongxin.projects.OverdueMilestone;
import org.tongxin.projects.ProjectId;

/** Milestones, scoped through their project's owning unit. */
@Repository
public class Milestones {

	private static final String ACTIVE = "p.status in ('PLANNED', 'IN_PROGRESS', 'AT_RISK')";

	private final JdbcClient jdbc;

	Milestones(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Milestone> of(DataScope scope, ProjectId project) {
		return scope.bind(jdbc.sql("""
				select m.* from programme_milestone m join programme_project p on p.id = m.project_id
				where m.project_id = :project and %s
				order by m.due_on, m.id""".formatted(scope.restrict("p.unit_id"))))
			.param("project", project.value())
			.query(Milestones::map)
			.list();
	}

	public Optional<Milestone> find(DataScope scope, ProjectId project, MilestoneId id) {
		return scope.bind(jdbc.sql("""
				select m.* from programme_milestone m join programme_project p on p.id = m.project_id
				where m.id = :id and m.project_id = :project and %s""".formatted(scope.restrict("p.unit_id"))))
			.param("id", id.value())
			.param("project", project.value())
			.query(Milestones::map)
			.optional();
	}

	/** Open milestones past due on active projects of the scope, oldest first. */
	public List<OverdueMilestone> overdue(DataScope scope, LocalDate today, int limit) {
		return scope.bind(jdbc.sql("""
				select m.id, m.project_id, p.title as project_title, p.unit_name, m.title, m.due_on
				from programme_milestone m join programme_project p on p.id = m.project_id
				where m.done_on is null and m.due_on < :today and %s and %s
				order by m.due_on, m.id limit :limit""".formatted(ACTIVE, scope.restrict("p.unit_id"))))
			.param("today", Date.valueOf(today))
			.param("limit", limit)
			.query((rs, n) -> new OverdueMilestone(new MilestoneId(rs.getLong("id")),
					new ProjectId(rs.getLong("project_id")), rs.getString("project_title"), rs.getString("unit_name"),
					rs.getString("title"), rs.getDate("due_on").toLocalDate()))
			.list();
	}

	public long countOverdue(DataScope scope, LocalDate today) {
		return scope.bind(jdbc.sql("""
				select count(*) from programme_milestone m join programme_project p on p.id = m.project_id
				where m.done_on is null and m.due_on < :today and %s and %s""".formatted(ACTIVE,
				scope.restrict("p.unit_id"))))
			.param("today", Date.valueOf(today))
			.query(Long.class)
			.single();
	}

	/** Overdue milestones per project, for the given projects of the scope. */
	public Map<Long, Long> overdueCounts(DataScope scope, Collection<ProjectId> projects, LocalDate today) {
		if (projects.isEmpty()) {
			return Map.of();
		}
		return scope.bind(jdbc.sql("""
				select m.project_id, count(*) from programme_milestone m join programme_project p on p.id = m.project_id
				where m.project_id in (:projects) and m.done_on is null and m.due_on < :today and %s and %s
				group by m.project_id""".formatted(ACTIVE, scope.restrict("p.unit_id"))))
			.param("projects", projects.stream().map(ProjectId::value).toList())
			.param("today", Date.valueOf(today))
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	public MilestoneId insert(ProjectId project, MilestoneForm form) {
		return insert(project, form, null);
	}

	public MilestoneId insert(ProjectId project, MilestoneForm form, @Nullable LocalDate doneOn) {
		return new MilestoneId(jdbc.sql("""
				insert into programme_milestone (project_id, title, due_on, done_on) values (?, ?, ?, ?) returning id""")
			.params(project.value(), form.title() == null ? null : form.title().strip(),
					SqlDates.of(form.dueOn()), SqlDates.of(doneOn))
			.query(Long.class)
			.single());
	}

	public void markDone(MilestoneId id, @Nullable LocalDate on) {
		jdbc.sql("update programme_milestone set done_on = ? where id = ?")
			.params(SqlDates.of(on), id.value())
			.update();
	}

	private static Milestone map(ResultSet rs, int row) throws SQLException {
		return new Milestone(new MilestoneId(rs.getLong("id")), new ProjectId(rs.getLong("project_id")),
				rs.getString("title"), rs.getDate("due_on").toLocalDate(), SqlDates.read(rs, "done_on"));
	}
}
