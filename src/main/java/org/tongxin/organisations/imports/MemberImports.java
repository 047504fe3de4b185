package org.tongxin.organisations.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.organisations.MemberRole;
import org.tongxin.organisations.Organisation;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.organisations.Organisations;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.PageCursor;
import org.tongxin.platform.Refused;
import org.tongxin.platform.XlsxExport;
import org.tongxin.platform.jobs.BackgroundJobs;
import org.tongxin.platform.jobs.Job;
import org.tongxin.platform.jobs.JobId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Member import from .xlsx or .csv through the platform's tabular reader. People are matched in the caller's
 * scope by ID number, else mobile number (keyed hashes, through the people registry); unknown people are
 * reported, or created when asked (an ID number and a group are then needed). Every refused row goes into an
 * error report — row, column, value, reason in Chinese — like the people import's.
 * <p>
 * The upload becomes a background job ({@link MemberImportJob}) run as the uploader, with a progress bar; files
 * are capped at {@value #MAX_ROWS} rows. Every check of a row is made before it is written, so a refused row never
 * rolls back the good ones.
 */
@Service
@Transactional
public class MemberImports {

	public static final int MAX_ROWS = 100_000;

	static final String PEOPLE_WRITE = "people:write";

	static final String AUDIT_TYPE = "organisation-member-import";

	/** field → header texts people use. */
	static final Map<String, List<String>> HEADERS = Map.of(
			"name", List.of("姓名", "名字"),
			"idNumber", List.of("身份证号", "身份证号码", "公民身份号码", "证件号码"),
			"phone", List.of("手机", "手机号", "手机号码", "联系电话", "电话"),
			"role", List.of("职务", "角色", "会内职务"),
			"termStart", List.of("任期开始", "任职开始", "开始日期", "入会日期"),
			"termEnd", List.of("任期结束", "任职结束", "结束日期"),
			"group", List.of("群体", "所属群体", "人士类别", "群体类别", "人员类别", "人士类型", "人员类型", "类型"));

	/** Key words inside longer headers, as the people import has them (see HeaderMapping). */
	static final List<Map.Entry<String, String>> KEYWORDS = List.of(Map.entry("身份证", "idNumber"),
			Map.entry("证件号", "idNumber"), Map.entry("手机", "phone"), Map.entry("电话", "phone"), Map.entry("姓名", "name"),
			Map.entry("职务", "role"), Map.entry("类别", "group"), Map.entry("群体", "group"));

	static final List<String> TEMPLATE = List.of("姓名", "身份证号", "手机号", "职务", "任期开始", "任期结束", "群体");

	static final Map<String, MemberRole> ROLES = Map.ofEntries(Map.entry("会长", MemberRole.PRESIDENT),
			Map.entry("主席", MemberRole.PRESIDENT), Map.entry("站长", MemberRole.PRESIDENT),
			Map.entry("副会长", MemberRole.VICE_PRESIDENT), Map.entry("副主席", MemberRole.VICE_PRESIDENT),
			Map.entry("秘书长", MemberRole.SECRETARY_GENERAL), Map.entry("理事", MemberRole.DIRECTOR),
			Map.entry("常务理事", MemberRole.DIRECTOR), Map.entry("会员", MemberRole.MEMBER),
			Map.entry("成员", MemberRole.MEMBER), Map.entry("联络员", MemberRole.LIAISON));

	static final Map<String, String> GROUPS = Map.of("民营企业和外商投资企业管理技术人员", "ENTERPRISE",
			"企业", "ENTERPRISE", "中介组织和社会组织从业人员", "INTERMEDIARY", "中介组织", "INTERMEDIARY", "社会组织",
			"INTERMEDIARY", "自由职业人员", "FREELANCE", "自由职业", "FREELANCE", "新媒体从业人员", "NEW_MEDIA", "新媒体",
			"NEW_MEDIA");

	/** A refused row: 1-based row number, the column's header, the value and the reason's message key. */
	public record RowError(int row, String column, String value, String reason) {
	}

	/**
	 * What an import did: its counts and the first {@value MemberImportJob#SHOWN_ERRORS} refused rows (all of them
	 * are in the error report). Stored as the job's result.
	 */
	/** @param id the import's public id: URLs never carry its sequence number. */
	public record Result(UUID id, int rowsRead, int inserted, int createdPersons, int blankRows, int errorCount,
			List<RowError> errors) {
	}

	/** The job's parameters: which organisation, the file's name, whether unknown people are created. */
	public record Options(long organisation, String fileName, boolean createUnknown) {
	}

	/** A member import job with its outcome once it is done. */
	public record ImportJob(Job job, Options options, @Nullable Result result) {
	}

	/** @param id the import's public id: URLs never carry its sequence number. */
	public record ImportSummary(UUID id, OrganisationId organisation, String organisationName, String fileName,
			String createdBy, OffsetDateTime createdAt, int rowsRead, int inserted, int createdPersons, int blankRows,
			int errors, boolean report) {
	}

	private final Organisations organisations;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final BackgroundJobs jobs;

	private final JsonMapper json;

	MemberImports(Organisations organisations, BackgroundJobs jobs, CurrentUser currentUser, AuditLog audit,
			MessageSource messages, JdbcClient jdbc, JsonMapper json) {
		this.organisations = organisations;
		this.jobs = jobs;
		this.json = json;
		this.currentUser = currentUser;
		this.audit = audit;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	/**
	 * Queues the import of a file into an organisation of the caller's scope and returns the job. What can be
	 * checked without reading the file is checked here, so that the page can say so at once; the job checks it
	 * again, as the owner, when it runs.
	 */
	public UUID submit(OrganisationId organisationId, String fileName, String contentType, InputStream content,
			boolean createUnknown) {
		Organisation organisation = organisations.organisation(organisationId)
			.orElseThrow(() -> new NotFound("organisation " + organisationId));
		if (createUnknown && !currentUser.actor().can(PEOPLE_WRITE)) {
			// Creating persons is the people registry's business: organisations:write alone does not allow it.
			throw new Refused("memberImport.create.forbidden");
		}
		JobId id = jobs.submit(MemberImportJob.KIND, new Options(organisation.id().value(), fileName, createUnknown),
				List.of(new BackgroundJobs.Upload(MemberImportJob.INPUT, contentType, content)));
		return jobs.find(id).orElseThrow().publicId();
	}

	/** A member import job of the caller's scope, with its outcome once it is done. */
	@Transactional(readOnly = true)
	public Optional<ImportJob> find(UUID id) {
		return jobs.find(id).filter(job -> MemberImportJob.KIND.equals(job.kind())).map(this::view);
	}

	private ImportJob view(Job job) {
		Options options = json.readValue(job.parameters() == null ? "{}" : job.parameters(), Options.class);
		Result result = job.result() == null ? null : json.readValue(job.result(), Result.class);
		return new ImportJob(job, options, result);
	}

	/** Imports of the caller's scope that are queued or running, so a user who left the page finds them again. */
	@Transactional(readOnly = true)
	public List<ImportJob> unfinished() {
		return jobs.recent(MemberImportJob.KIND, null, 50)
			.stream()
			.filter(job -> !job.status().finished())
			.map(this::view)
			.toList();
	}

	/** Recent imports of organisations in the caller's scope. */
	@Transactional(readOnly = true)
	public List<ImportSummary> recent(@Nullable PageCursor before, int size) {
		DataScope scope = currentUser.scope();
		// Keyset on (created_at, public_id), newest first: the sequence number would tell how many imports exist.
		return scope.bind(jdbc.sql("""
				select i.public_id, i.organisation_id, o.name, i.file_name, i.created_by, i.created_at, i.rows_read, i.inserted,
				       i.created_persons, i.blank_rows, i.errors, i.report is not null
				from org_member_import i join org_organisation o on o.id = i.organisation_id
				where %s and (cast(:beforeAt as timestamptz) is null or (i.created_at, i.public_id) < (:beforeAt, :beforeId))
				order by i.created_at desc, i.public_id desc limit :size""".formatted(scope.restrict("o.unit_id"))))
			.param("beforeAt", before == null ? null : java.sql.Timestamp.from(before.at()))
			.param("beforeId", before == null ? null : before.id())
			.param("size", size)
			.query((rs, n) -> new ImportSummary(rs.getObject(1, UUID.class), new OrganisationId(rs.getLong(2)), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getInt(7), rs.getInt(8),
					rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getBoolean(12)))
			.list();
	}

	/** The error report of an import of the caller's scope; fetching it is audited as an export. */
	public Optional<byte[]> report(UUID importId) {
		DataScope scope = currentUser.scope();
		Optional<Map.Entry<Long, byte[]>> report = scope.bind(jdbc.sql("""
				select i.id, i.report from org_member_import i join org_organisation o on o.id = i.organisation_id
				where i.public_id = :id and i.report is not null and %s""".formatted(scope.restrict("o.unit_id"))))
			.param("id", importId)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getBytes(2)))
			.optional();
		report.ifPresent(r -> audit.record(AuditLog.Action.EXPORT, AUDIT_TYPE, r.getKey(), Map.of("file", "errors.xlsx"),
				null));
		return report.map(Map.Entry::getValue);
	}

	public static byte[] template() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxExport.write(out, "成员", TEMPLATE,
				java.util.stream.Stream.of(List.of("张三", "110101199003077777", "13800138000", "会员", "2018-01-01", "", "新媒体从业人员")));
		return out.toByteArray();
	}

	public String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	/**
	 * "******************", as in the people registry: with the region known, any digit shown leaves too few
	 * candidates (docs/decisions/0004-masks-that-stay-masks.md).
	 */
	static String maskIdNumber(String value) {
		return "*".repeat(18);
	}

	/** "138****5678", as in the people registry. */
	static String maskPhone(String value) {
		return value.length() < 7 ? "*".repeat(value.length())
				: value.substring(0, 3) + "****" + value.substring(value.length() - 4);
	}
}
