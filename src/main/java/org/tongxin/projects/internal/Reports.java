package org.tongxin.projects.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.DataScope;
import org.tongxin.projects.AttachmentId;
import org.tongxin.projects.IndicatorId;
import org.tongxin.projects.ProgressReport;
import org.tongxin.projects.ProjectId;
import org.tongxin.projects.ReportId;
import org.tongxin.projects.ReportKind;
import org.tongxin.projects.ReportState;

/** Progress reports with their values and evidence descriptions, scoped through the project's owning unit. */
@Repository
public class Reports {

	private static final String SELECT = "select r.* from programme_report r join programme_project p on p.id = r.project_id";

	private final JdbcClient jdbc;

	Reports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The project's reports, newest first. */
	public List<ProgressReport> of(DataScope scope, ProjectId project) {
		List<ProgressReport> rows = scope
			.bind(jdbc.sql(SELECT + " where r.project_id = :project and " + scope.restrict("p.unit_id")
					+ " order by r.submitted_at desc, r.id desc"))
			.param("project", project.value())
			.query(Reports::row)
			.list();
		return complete(rows);
	}

	public Optional<ProgressReport> find(DataScope scope, ProjectId project, ReportId id) {
		List<ProgressReport> rows = scope
			.bind(jdbc.sql(SELECT + " where r.id = :id and r.project_id = :project and " + scope.restrict("p.unit_id")))
			.param("id", id.value())
			.param("project", project.value())
			.query(Reports::row)
			.list();
		return complete(rows).stream().findFirst();
	}

	/** Whether a standing periodic report for the quarter exists already, other than {@code except}. */
	public boolean periodTaken(ProjectId project, String period, @Nullable ReportId except) {
		return jdbc.sql("""
				select exists (select 1 from programme_report
				               where project_id = :project and kind = 'PERIODIC' and period = :period
				                 and state = 'SUBMITTED' and (cast(:except as bigint) is null or id <> :except))""")
			.param("project", project.value())
			.param("period", period)
			.param("except", except == null ? null : except.value())
			.query(Boolean.class)
			.single();
	}

	public ReportId insert(ProjectId project, ReportKind kind, @Nullable String period, String text, String by,
			@Nullable Instant at) {
		return new ReportId(jdbc.sql("""
				insert into programme_report (project_id, kind, period, body, state, submitted_by, submitted_at)
				values (:project, :kind, :period, :body, 'SUBMITTED', :by, coalesce(:at, now()))
				returning id""")
			.param("project", project.value())
			.param("kind", kind.name())
			.param("period", period)
			.param("body", text)
			.param("by", by)
			.param("at", at == null ? null : Timestamp.from(at))
			.query(Long.class)
			.single());
	}

	/** A revision replaces text and values and stands again, submitted now. */
	public void revise(ReportId id, ReportKind kind, @Nullable String period, String text, String by) {
		jdbc.sql("""
				update programme_report
				   set kind = :kind, period = :period, body = :body, state = 'SUBMITTED', revision = revision + 1,
				       submitted_by = :by, submitted_at = now()
				 where id = :id""")
			.param("id", id.value())
			.param("kind", kind.name())
			.param("period", period)
			.param("body", text)
			.param("by", by)
			.update();
		jdbc.sql("delete from programme_report_value where report_id = ?").param(id.value()).update();
	}

	public void putValues(ReportId id, Map<IndicatorId, BigDecimal> values) {
		values.forEach((indicator, value) -> jdbc
			.sql("insert into programme_report_value (report_id, indicator_id, value) values (?, ?, ?)")
			.params(id.value(), indicator.value(), value)
			.update());
	}

	public void markReturned(ReportId id, String by, String comment) {
		jdbc.sql("""
				update programme_report set state = 'RETURNED', returned_by = ?, returned_at = now(), return_comment = ?
				 where id = ?""")
			.params(by, comment, id.value())
			.update();
	}

	private List<ProgressReport> complete(List<ProgressReport> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(r -> r.id().value()).toList();
		Map<Long, List<ProgressReport.Value>> values = jdbc.sql("""
				select v.report_id, v.indicator_id, i.name, i.unit_label, v.value
				from programme_report_value v join programme_indicator i on i.id = v.indicator_id
				where v.report_id in (:ids) order by i.sort, i.id""")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getLong(1), new ProgressReport.Value(new IndicatorId(rs.getLong(2)),
					rs.getString(3), rs.getString(4), rs.getBigDecimal(5))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		Map<Long, List<ProgressReport.Attachment>> attachments = jdbc.sql("""
				select a.report_id, a.id, a.file_name, a.content_type, a.size_bytes, a.sha256
				from programme_attachment a where a.report_id in (:ids) order by a.id""")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getLong(1), new ProgressReport.Attachment(new AttachmentId(rs.getLong(2)),
					rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return rows.stream().map(r -> new ProgressReport(r.id(), r.project(), r.kind(), r.period(),
				r.text(), r.state(), r.revision(), r.submittedBy(), r.submittedAt(), r.returnedBy(), r.returnedAt(),
				r.returnComment(), values.getOrDefault(r.id().value(), List.of()),
				attachments.getOrDefault(r.id().value(), List.of())))
			.toList();
	}

	private static ProgressReport row(ResultSet rs, int n) throws SQLException {
		Timestamp returnedAt = rs.getTimestamp("returned_at");
		return new ProgressReport(new ReportId(rs.getLong("id")), new ProjectId(rs.getLong("project_id")),
				ReportKind.valueOf(rs.getString("kind")), rs.getString("period"), rs.getString("body"),
				ReportState.valueOf(rs.getString("state")), rs.getInt("revision"), rs.getString("submitted_by"),
				rs.getTimestamp("submitted_at").toInstant(), rs.getString("returned_by"),
				returnedAt == null ? null : returnedAt.toInstant(), rs.getString("return_comment"), List.of(), List.of());
	}
}
