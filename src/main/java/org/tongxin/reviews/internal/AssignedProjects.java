package org.tongxin.reviews.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.SqlDates;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.UnitId;
import org.tongxin.programme.SiteId;
import org.tongxin.projects.AttachmentId;
import org.tongxin.projects.BatchId;
import org.tongxin.projects.EvidenceFile;
import org.tongxin.projects.Indicator;
import org.tongxin.projects.IndicatorId;
import org.tongxin.projects.Milestone;
import org.tongxin.projects.MilestoneId;
import org.tongxin.projects.ProgressReport;
import org.tongxin.projects.Project;
import org.tongxin.projects.ProjectId;
import org.tongxin.projects.ProjectStatus;
import org.tongxin.projects.ReportId;
import org.tongxin.projects.ReportKind;
import org.tongxin.projects.ReportState;
import org.tongxin.reviews.ReviewRoundId;

/**
 * A reviewer's window onto key projects. A reviewer's account sits at the central unit, so data scope
 * would show every project: instead every query here joins the reviewer's own assignment
 * ({@code programme_review_assignment} on the reviewer's username, the round and the project). A project
 * the reviewer is not assigned to is not found, whatever id is guessed.
 */
@Repository
public class AssignedProjects {

	private static final String ASSIGNED = """
			join programme_review_assignment ra on ra.project_id = p.id
			 and ra.reviewer = :reviewer and ra.round_id = :round and ra.project_id = :project""";

	private final JdbcClient jdbc;

	private final Clock clock;

	AssignedProjects(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	public Optional<Project> project(String reviewer, ReviewRoundId round, ProjectId project) {
		return bind(jdbc.sql("""
				select p.*, b.number as batch_number,
				       array(select ps.site_id from programme_project_site ps where ps.project_id = p.id order by ps.site_id) as site_ids
				from programme_project p join programme_batch b on b.id = p.batch_id
				%s""".formatted(ASSIGNED)), reviewer, round, project)
			.query(AssignedProjects::project)
			.optional();
	}

	/** Indicators with the latest value of a standing report, as the project's owner sees them. */
	public List<Indicator> indicators(String reviewer, ReviewRoundId round, ProjectId project) {
		return bind(jdbc.sql("""
				select i.*, latest.value as latest, latest.submitted_at as latest_at
				from programme_indicator i
				join programme_project p on p.id = i.project_id
				%s
				left join lateral (
				    select v.value, r.submitted_at
				    from programme_report_value v join programme_report r on r.id = v.report_id
				    where v.indicator_id = i.id and r.state = 'SUBMITTED'
				    order by r.submitted_at desc, r.id desc
				    limit 1) latest on true
				order by i.sort, i.id""".formatted(ASSIGNED)), reviewer, round, project)
			.query((rs, n) -> {
				Timestamp at = rs.getTimestamp("latest_at");
				return new Indicator(new IndicatorId(rs.getLong("id")), new ProjectId(rs.getLong("project_id")),
						rs.getString("name"), rs.getString("unit_label"), rs.getBigDecimal("baseline"),
						rs.getBigDecimal("target"), rs.getBigDecimal("latest"),
						at == null ? null : at.toInstant().atZone(clock.getZone()).toLocalDate());
			})
			.list();
	}

	public List<Milestone> milestones(String reviewer, ReviewRoundId round, ProjectId project) {
		return bind(jdbc.sql("""
				select m.* from programme_milestone m
				join programme_project p on p.id = m.project_id
				%s
				order by m.due_on, m.id""".formatted(ASSIGNED)), reviewer, round, project)
			.query((rs, n) -> new Milestone(new MilestoneId(rs.getLong("id")), new ProjectId(rs.getLong("project_id")),
					rs.getString("title"), rs.getDate("due_on").toLocalDate(), SqlDates.read(rs, "done_on")))
			.list();
	}

	/** Standing and returned reports, newest first, with their evidence files described. */
	public List<ProgressReport> reports(String reviewer, ReviewRoundId round, ProjectId project) {
		List<ProgressReport> rows = bind(jdbc.sql("""
				select r.* from programme_report r
				join programme_project p on p.id = r.project_id
				%s
				order by r.submitted_at desc, r.id desc""".formatted(ASSIGNED)), reviewer, round, project)
			.query(AssignedProjects::report)
			.list();
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<ProgressReport.Attachment>> files = jdbc.sql("""
				select a.report_id, a.id, a.file_name, a.content_type, a.size_bytes, a.sha256
				from programme_attachment a where a.report_id in (:ids) order by a.id""")
			.param("ids", rows.stream().map(r -> r.id().value()).toList())
			.query((rs, n) -> Map.entry(rs.getLong(1), new ProgressReport.Attachment(new AttachmentId(rs.getLong(2)),
					rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return rows.stream()
			.map(r -> new ProgressReport(r.id(), r.project(), r.kind(), r.period(), r.text(), r.state(), r.revision(),
					r.submittedBy(), r.submittedAt(), r.returnedBy(), r.returnedAt(), r.returnComment(), List.of(),
					files.getOrDefault(r.id().value(), List.of())))
			.toList();
	}

	public Optional<EvidenceFile> evidence(String reviewer, ReviewRoundId round, ProjectId project, AttachmentId id) {
		return bind(jdbc.sql("""
				select a.id, a.file_name, a.content_type, a.sha256, a.content
				from programme_attachment a
				join programme_report r on r.id = a.report_id
				join programme_project p on p.id = r.project_id
				%s
				where a.id = :attachment""".formatted(ASSIGNED)), reviewer, round, project)
			.param("attachment", id.value())
			.query((rs, n) -> new EvidenceFile(new AttachmentId(rs.getLong(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getBytes(5)))
			.optional();
	}

	private static JdbcClient.StatementSpec bind(
			JdbcClient.StatementSpec statement, String reviewer,
			ReviewRoundId round, ProjectId project) {
		return statement.param("reviewer", reviewer).param("round", round.value()).param("project", project.value());
	}

	private static Project project(ResultSet rs, int row) throws SQLException {
		Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
		for (String group : (String[]) rs.getArray("target_groups").getArray()) {
			groups.add(TargetGroup.valueOf(group));
		}
		Array siteArray = rs.getArray("site_ids");
		List<SiteId> sites = Arrays.stream((Long[]) siteArray.getArray()).map(SiteId::new).toList();
		return new Project(new ProjectId(rs.getLong("id")), new BatchId(rs.getLong("batch_id")),
				rs.getInt("batch_number"), new UnitId(rs.getLong("unit_id")), rs.getString("unit_name"),
				new UnitId(rs.getLong("city_unit")), rs.getString("city_name"), rs.getString("title"),
				rs.getString("carrier"), groups, rs.getString("innovation_focus"), rs.getString("background"),
				rs.getString("goals"), rs.getString("measures"), rs.getString("responsible_persons"),
				rs.getString("partner_units"), rs.getBigDecimal("budget"),
				SqlDates.read(rs, "starts_on"), SqlDates.read(rs, "ends_on"),
				ProjectStatus.valueOf(rs.getString("status")), sites, rs.getInt("version"));
	}

	private static ProgressReport report(ResultSet rs, int n) throws SQLException {
		Timestamp returnedAt = rs.getTimestamp("returned_at");
		return new ProgressReport(new ReportId(rs.getLong("id")), new ProjectId(rs.getLong("project_id")),
				ReportKind.valueOf(rs.getString("kind")), rs.getString("period"), rs.getString("body"),
				ReportState.valueOf(rs.getString("state")), rs.getInt("revision"), rs.getString("submitted_by"),
				rs.getTimestamp("submitted_at").toInstant(), rs.getString("returned_by"),
				returnedAt == null ? null : returnedAt.toInstant(), rs.getString("return_comment"), List.of(),
				List.of());
	}
}
