package org.tongxin.projects.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.LikePatterns;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.UnitId;
import org.tongxin.programme.SiteKind;
import org.tongxin.projects.Adoption;
import org.tongxin.projects.AttachmentId;
import org.tongxin.projects.CaseFilter;
import org.tongxin.projects.CaseForm;
import org.tongxin.projects.CaseId;
import org.tongxin.projects.EvidenceFile;
import org.tongxin.projects.ExemplaryCase;
import org.tongxin.projects.ProgressReport;
import org.tongxin.projects.ProjectId;

/**
 * The exemplary-case library. Published cases are for every city — that is the point of publishing —
 * so reads are not scoped by unit; drafts are read only when {@code withDrafts} (the central office).
 */
@Repository
public class Cases {

	private static final String SELECT = """
			select c.*, (select count(*) from programme_case_adoption d where d.case_id = c.id) as adoptions
			from programme_case c""";

	private static final String WHERE = """
			 where (:drafts or c.state = 'PUBLISHED')
			   and (cast(:text as text) is null or (c.title || ' ' || c.summary) ilike :text)
			   and (cast(:group as text) is null or :group = any (c.target_groups))
			   and (cast(:kind as text) is null or :kind = any (c.site_kinds))
			   and (cast(:mechanism as text) is null or :mechanism = any (c.mechanisms))""";

	private final JdbcClient jdbc;

	Cases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page, newest first; {@code before} is the id of the last case of the previous page. */
	public List<ExemplaryCase> page(CaseFilter filter, boolean withDrafts, @Nullable Long before, int size) {
		return filtered(SELECT + " " + WHERE + " and (cast(:before as bigint) is null or c.id < :before) order by c.id desc limit :size",
				filter, withDrafts)
			.param("before", before)
			.param("size", size)
			.query(Cases::map)
			.list();
	}

	public long count(CaseFilter filter, boolean withDrafts) {
		return filtered("select count(*) from programme_case c " + WHERE, filter, withDrafts).query(Long.class).single();
	}

	public Optional<ExemplaryCase> find(CaseId id, boolean withDrafts) {
		return jdbc.sql(SELECT + " where c.id = :id and (:drafts or c.state = 'PUBLISHED')")
			.param("id", id.value())
			.param("drafts", withDrafts)
			.query(Cases::map)
			.optional();
	}

	/** Mechanism tags in use on published cases, most used first: the tag filter. */
	public List<String> mechanisms() {
		return jdbc.sql("""
				select m from programme_case c, unnest(c.mechanisms) m
				where c.state = 'PUBLISHED' group by m order by count(*) desc, m""")
			.query(String.class)
			.list();
	}

	public CaseId insert(CaseForm form, UnitId unit, String place, String by) {
		return new CaseId(jdbc.sql("""
				insert into programme_case (project_id, unit_id, place, title, summary, success_factors, replication,
				                            target_groups, site_kinds, mechanisms, state, created_by)
				values (:project, :unit, :place, :title, :summary, :factors, :replication, cast(:groups as text[]),
				        cast(:kinds as text[]), cast(:mechanisms as text[]), 'DRAFT', :by)
				returning id""")
			.param("project", form.project())
			.param("unit", unit.value())
			.param("place", place)
			.param("by", by)
			.params(fields(form))
			.query(Long.class)
			.single());
	}

	public boolean update(CaseId id, int version, CaseForm form) {
		return jdbc.sql("""
				update programme_case
				   set title = :title, summary = :summary, success_factors = :factors, replication = :replication,
				       target_groups = cast(:groups as text[]), site_kinds = cast(:kinds as text[]),
				       mechanisms = cast(:mechanisms as text[]), version = version + 1
				 where id = :id and version = :version""")
			.param("id", id.value())
			.param("version", version)
			.params(fields(form))
			.update() == 1;
	}

	public void publish(CaseId id, boolean published) {
		jdbc.sql("""
				update programme_case
				   set state = case when ? then 'PUBLISHED' else 'DRAFT' end,
				       published_at = case when ? then coalesce(published_at, now()) end, version = version + 1
				 where id = ?""")
			.params(published, published, id.value())
			.update();
	}

	/** Links evidence files, only those of the case's own project. */
	public void replaceEvidence(CaseId id, List<Long> attachments) {
		jdbc.sql("delete from programme_case_evidence where case_id = ?").param(id.value()).update();
		if (attachments.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into programme_case_evidence (case_id, attachment_id)
				select c.id, a.id from programme_case c
				join programme_report r on r.project_id = c.project_id
				join programme_attachment a on a.report_id = r.id
				where c.id = :case and a.id in (:attachments)""")
			.param("case", id.value())
			.param("attachments", attachments)
			.update();
	}

	public List<ProgressReport.Attachment> evidence(CaseId id) {
		return jdbc.sql("""
				select a.id, a.file_name, a.content_type, a.size_bytes, a.sha256
				from programme_case_evidence e join programme_attachment a on a.id = e.attachment_id
				where e.case_id = ? order by a.id""")
			.param(id.value())
			.query(Cases::attachment)
			.list();
	}

	/** Evidence files of the case's project that may be linked to it. */
	public List<ProgressReport.Attachment> linkable(ProjectId project) {
		return jdbc.sql("""
				select a.id, a.file_name, a.content_type, a.size_bytes, a.sha256
				from programme_attachment a join programme_report r on r.id = a.report_id
				where r.project_id = ? order by a.id""")
			.param(project.value())
			.query(Cases::attachment)
			.list();
	}

	/** A linked evidence file of a case the caller may see. */
	public Optional<EvidenceFile> evidenceFile(CaseId id, AttachmentId attachment, boolean withDrafts) {
		return jdbc.sql("""
				select a.id, a.file_name, a.content_type, a.sha256, a.content
				from programme_case_evidence e
				join programme_case c on c.id = e.case_id and (:drafts or c.state = 'PUBLISHED')
				join programme_attachment a on a.id = e.attachment_id
				where e.case_id = :case and e.attachment_id = :attachment""")
			.param("drafts", withDrafts)
			.param("case", id.value())
			.param("attachment", attachment.value())
			.query((rs, n) -> new EvidenceFile(new AttachmentId(rs.getLong(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getBytes(5)))
			.optional();
	}

	public List<Adoption> adoptions(CaseId id) {
		return jdbc.sql("select * from programme_case_adoption where case_id = ? order by adopted_at, unit_id")
			.param(id.value())
			.query((rs, n) -> new Adoption(new CaseId(rs.getLong("case_id")), new UnitId(rs.getLong("unit_id")),
					rs.getString("unit_name"), rs.getString("note"), rs.getString("adopted_by"),
					rs.getTimestamp("adopted_at").toInstant()))
			.list();
	}

	/** Marks the unit as adopting the case; false when it had already said so. */
	public boolean adopt(CaseId id, UnitId unit, String unitName, @Nullable String note, String by) {
		return jdbc.sql("""
				insert into programme_case_adoption (case_id, unit_id, unit_name, note, adopted_by)
				values (?, ?, ?, ?, ?) on conflict do nothing""")
			.params(id.value(), unit.value(), unitName, note, by)
			.update() == 1;
	}

	public boolean withdraw(CaseId id, UnitId unit) {
		return jdbc.sql("delete from programme_case_adoption where case_id = ? and unit_id = ?")
			.params(id.value(), unit.value())
			.update() == 1;
	}

	private JdbcClient.StatementSpec filtered(String sql, CaseFilter filter, boolean withDrafts) {
		return jdbc.sql(sql)
			.param("drafts", withDrafts)
			.param("text", LikePatterns.containing(filter.text()))
			.param("group", filter.group() == null ? null : filter.group().name())
			.param("kind", filter.siteKind() == null ? null : filter.siteKind().name())
			.param("mechanism", filter.mechanism());
	}

	private static java.util.Map<String, Object> fields(CaseForm form) {
		java.util.Map<String, Object> fields = new java.util.HashMap<>();
		fields.put("title", strip(form.title()));
		fields.put("summary", strip(form.summary()));
		fields.put("factors", strip(form.successFactors()));
		fields.put("replication", strip(form.replication()));
		fields.put("groups", array(form.targetGroups() == null ? List.of()
				: form.targetGroups().stream().distinct().map(Enum::name).toList()));
		fields.put("kinds", array(form.siteKinds() == null ? List.of()
				: form.siteKinds().stream().distinct().map(Enum::name).toList()));
		fields.put("mechanisms", array(form.mechanismTags()));
		return fields;
	}

	/** A PostgreSQL array literal; elements are quoted so that commas and quotes in tags survive. */
	private static String array(List<String> values) {
		return values.stream()
			.map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	private static String strip(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private static ExemplaryCase map(ResultSet rs, int row) throws SQLException {
		Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
		for (String group : (String[]) rs.getArray("target_groups").getArray()) {
			groups.add(TargetGroup.valueOf(group));
		}
		Set<SiteKind> kinds = EnumSet.noneOf(SiteKind.class);
		for (String kind : (String[]) rs.getArray("site_kinds").getArray()) {
			kinds.add(SiteKind.valueOf(kind));
		}
		Timestamp published = rs.getTimestamp("published_at");
		return new ExemplaryCase(new CaseId(rs.getLong("id")), new ProjectId(rs.getLong("project_id")),
				new UnitId(rs.getLong("unit_id")), rs.getString("place"), rs.getString("title"), rs.getString("summary"),
				rs.getString("success_factors"), rs.getString("replication"), groups, kinds,
				Arrays.asList((String[]) rs.getArray("mechanisms").getArray()), "PUBLISHED".equals(rs.getString("state")),
				published == null ? null : published.toInstant(), rs.getString("created_by"), rs.getLong("adoptions"),
				rs.getInt("version"));
	}

	/** An evidence file as the two evidence lists select it: id, file name, content type, size, SHA-256. */
	private static ProgressReport.Attachment attachment(ResultSet rs, int row) throws SQLException {
		return new ProgressReport.Attachment(new AttachmentId(rs.getLong(1)), rs.getString(2), rs.getString(3),
				rs.getLong(4), rs.getString(5));
	}
}
