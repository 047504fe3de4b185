package org.tongxin.projects.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.DataScope;
import org.tongxin.projects.AttachmentId;
import org.tongxin.projects.EvidenceFile;
import org.tongxin.projects.ProjectId;
import org.tongxin.projects.ReportId;

/**
 * Evidence files, kept as bytes in the database. Reading one goes through its report and project, so the
 * project's owning unit must lie in the caller's scope.
 */
@Repository
public class Attachments {

	private final JdbcClient jdbc;

	Attachments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public AttachmentId insert(ReportId report, String fileName, String contentType, String sha256, byte[] bytes,
			String by) {
		return new AttachmentId(jdbc.sql("""
				insert into programme_attachment (report_id, file_name, content_type, size_bytes, sha256, content, uploaded_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(report.value(), fileName, contentType, bytes.length, sha256, bytes, by)
			.query(Long.class)
			.single());
	}

	public Optional<EvidenceFile> find(DataScope scope, ProjectId project, AttachmentId id) {
		return scope.bind(jdbc.sql("""
				select a.id, a.file_name, a.content_type, a.sha256, a.content
				from programme_attachment a
				join programme_report r on r.id = a.report_id
				join programme_project p on p.id = r.project_id
				where a.id = :id and p.id = :project and %s""".formatted(scope.restrict("p.unit_id"))))
			.param("id", id.value())
			.param("project", project.value())
			.query((rs, n) -> new EvidenceFile(new AttachmentId(rs.getLong(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getBytes(5)))
			.optional();
	}
}
