package org.tongxin.organisations.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.organisations.JoinedVia;
import org.tongxin.organisations.MemberRole;
import org.tongxin.organisations.MembershipStatus;
import org.tongxin.organisations.NotFound;
import org.tongxin.organisations.Organisation;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.organisations.Organisations;
import org.tongxin.organisations.internal.MembershipRecords;
import org.tongxin.people.IdNumber;
import org.tongxin.people.InvalidPerson;
import org.tongxin.people.LegalBasis;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.PersonForm;
import org.tongxin.people.PersonId;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.XlsxExport;
import org.tongxin.platform.tabular.CellValues;
import org.tongxin.platform.tabular.HeaderMapping;
import org.tongxin.platform.tabular.SheetRow;
import org.tongxin.platform.tabular.TabularFiles;

/**
 * Member import from .xlsx or .csv through the platform's tabular reader. People are matched in the caller's
 * scope by ID number, else mobile number (keyed hashes, through the people registry); unknown people are
 * reported, or created when asked (an ID number and a group are then needed). Every refused row goes into an
 * error report — row, column, value, reason in Chinese — like the people import's.
 * <p>
 * It runs within the request: an organisation's member list is small, and files are capped at
 * {@value #MAX_ROWS} rows. Every check is made before anything is written, so a refused row never rolls back
 * the good ones.
 */
@Service
@Transactional
public class MemberImports {

	public static final int MAX_ROWS = 2000;

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
			"group", List.of("群体", "所属群体", "人士类别"));

	static final List<String> TEMPLATE = List.of("姓名", "身份证号", "手机号", "职务", "任期开始", "任期结束", "群体");

	private static final Map<String, MemberRole> ROLES = Map.ofEntries(Map.entry("会长", MemberRole.PRESIDENT),
			Map.entry("主席", MemberRole.PRESIDENT), Map.entry("站长", MemberRole.PRESIDENT),
			Map.entry("副会长", MemberRole.VICE_PRESIDENT), Map.entry("副主席", MemberRole.VICE_PRESIDENT),
			Map.entry("秘书长", MemberRole.SECRETARY_GENERAL), Map.entry("理事", MemberRole.DIRECTOR),
			Map.entry("常务理事", MemberRole.DIRECTOR), Map.entry("会员", MemberRole.MEMBER),
			Map.entry("成员", MemberRole.MEMBER), Map.entry("联络员", MemberRole.LIAISON));

	private static final Map<String, String> GROUPS = Map.of("民营企业和外商投资企业管理技术人员", "ENTERPRISE",
			"企业", "ENTERPRISE", "中介组织和社会组织从业人员", "INTERMEDIARY", "中介组织", "INTERMEDIARY", "社会组织",
			"INTERMEDIARY", "自由职业人员", "FREELANCE", "自由职业", "FREELANCE", "新媒体从业人员", "NEW_MEDIA", "新媒体",
			"NEW_MEDIA");

	/** A refused row: 1-based row number, the column's header, the value and the reason's message key. */
	public record RowError(int row, String column, String value, String reason) {
	}

	public record Result(long id, int rowsRead, int inserted, int createdPersons, int blankRows, List<RowError> errors) {
	}

	public record ImportSummary(long id, OrganisationId organisation, String organisationName, String fileName,
			String createdBy, OffsetDateTime createdAt, int rowsRead, int inserted, int createdPersons, int blankRows,
			int errors, boolean report) {
	}

	/** The whole file cannot be used: no header, too many rows, not a spreadsheet. */
	public static class Unusable extends RuntimeException {

		private final String key;

		public Unusable(String key) {
			super(key);
			this.key = key;
		}

		public String key() {
			return key;
		}
	}

	private final Organisations organisations;

	private final MembershipRecords memberships;

	private final PeopleRegistry people;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final TransactionTemplate nested;

	MemberImports(Organisations organisations, MembershipRecords memberships, PeopleRegistry people,
			CurrentUser currentUser, AuditLog audit, MessageSource messages, JdbcClient jdbc,
			PlatformTransactionManager transactions) {
		this.nested = new TransactionTemplate(transactions);
		this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.organisations = organisations;
		this.memberships = memberships;
		this.people = people;
		this.currentUser = currentUser;
		this.audit = audit;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	public Result importFile(OrganisationId organisationId, String fileName, Path file, boolean createUnknown)
			throws IOException {
		Organisation organisation = organisations.organisation(organisationId)
			.orElseThrow(() -> new NotFound("organisation " + organisationId));
		if (createUnknown && !currentUser.actor().can(PEOPLE_WRITE)) {
			// Creating persons is the people registry's business: organisations:write alone does not allow it.
			throw new Unusable("memberImport.create.forbidden");
		}
		List<SheetRow> rows = new ArrayList<>();
		TabularFiles.read(file, row -> {
			if (rows.size() <= MAX_ROWS + 20) {
				rows.add(row);
			}
		});
		HeaderMapping.Located header = new HeaderMapping(HEADERS).locate(rows, 2)
			.orElseThrow(() -> new Unusable("memberImport.header.missing"));
		if (!header.columns().containsKey("idNumber") && !header.columns().containsKey("phone")) {
			throw new Unusable("memberImport.header.key");
		}
		List<SheetRow> data = rows.stream().filter(r -> r.number() > header.headerRow()).toList();
		if (data.size() > MAX_ROWS) {
			throw new Unusable("memberImport.tooMany");
		}
		Map<String, String> headerText = new LinkedHashMap<>();
		rows.stream().filter(r -> r.number() == header.headerRow()).findFirst().ifPresent(
				h -> header.columns().forEach((field, column) -> headerText.put(field, h.cell(column).strip())));
		List<RowError> errors = new ArrayList<>();
		int blank = 0;
		int inserted = 0;
		int created = 0;
		List<String> seen = new ArrayList<>();
		for (SheetRow row : data) {
			if (row.blank()) {
				blank++;
				continue;
			}
			Cells cells = new Cells(row, header.columns(), headerText);
			int before = errors.size();
			String idNumber = cleaned(CellValues.idNumber(cells.raw("idNumber")), cells, "idNumber", errors);
			if (idNumber != null && IdNumber.parse(idNumber).isEmpty()) {
				errors.add(cells.error("idNumber", "memberImport.id.checksum"));
				idNumber = null;
			}
			String phone = cleaned(CellValues.mobile(cells.raw("phone")), cells, "phone", errors);
			MemberRole role = MemberRole.MEMBER;
			String roleText = CellValues.halfWidth(cells.raw("role"));
			if (!roleText.isEmpty()) {
				role = ROLES.get(roleText);
				if (role == null) {
					errors.add(cells.error("role", "memberImport.role.unknown"));
				}
			}
			LocalDate start = cleaned(CellValues.date(cells.raw("termStart")), cells, "termStart", errors);
			LocalDate end = cleaned(CellValues.date(cells.raw("termEnd")), cells, "termEnd", errors);
			if (start != null && end != null && end.isBefore(start)) {
				errors.add(cells.error("termEnd", "member.term.order"));
			}
			if (errors.size() > before) {
				continue;
			}
			if (idNumber == null && phone == null) {
				errors.add(cells.error(header.columns().containsKey("idNumber") ? "idNumber" : "phone", "memberImport.key.missing"));
				continue;
			}
			Optional<PersonId> match = people.identify(idNumber, phone);
			PersonId person;
			if (match.isPresent()) {
				person = match.get();
			}
			else if (!createUnknown) {
				errors.add(cells.error(idNumber != null ? "idNumber" : "phone", "memberImport.person.unknown"));
				continue;
			}
			else {
				String name = CellValues.halfWidth(cells.raw("name"));
				String group = GROUPS.getOrDefault(CellValues.halfWidth(cells.raw("group")),
						CellValues.halfWidth(cells.raw("group")).toUpperCase(Locale.ROOT));
				if (idNumber == null) {
					errors.add(cells.error("idNumber", "memberImport.create.idNumber"));
					continue;
				}
				if (name.isEmpty() || name.length() > 50) {
					errors.add(cells.error("name", "memberImport.create.name"));
					continue;
				}
				if (!GROUPS.containsValue(group)) {
					errors.add(cells.error("group", "memberImport.create.group"));
					continue;
				}
				PersonForm form = new PersonForm(organisation.unit().value(), name, null, null, null, idNumber, phone,
						null, null, null, null, null, group, null, null, null, null, null, null, null,
						LegalBasis.CONSENT);
				try {
					// A savepoint: a person the registry refuses (an ID number already registered in the scope, an
					// owner unit that cannot hold persons) is a refused row, not a rolled-back import.
					person = nested.execute(status -> people.create(form).id());
				}
				catch (InvalidPerson e) {
					Map.Entry<String, String> first = e.errors().entrySet().iterator().next();
					errors.add(cells.error(HEADERS.containsKey(first.getKey()) ? first.getKey() : "idNumber",
							first.getValue()));
					continue;
				}
				created++;
			}
			String key = person.value() + ":" + role;
			if (seen.contains(key) || memberships.holdsOpen(organisation.id(), person, role)) {
				errors.add(cells.error(idNumber != null ? "idNumber" : "phone", "memberImport.duplicate"));
				continue;
			}
			seen.add(key);
			memberships.insert(organisation.id(), person, role, organisation.currentTerm(),
					start == null ? LocalDate.now() : start, end, MembershipStatus.ACTIVE, JoinedVia.IMPORT);
			inserted++;
		}
		byte[] report = errors.isEmpty() ? null : report(errors);
		long id = jdbc.sql("""
				insert into org_member_import (organisation_id, file_name, created_by, rows_read, inserted, created_persons,
				    blank_rows, errors, report)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(organisation.id().value(), fileName, currentUser.actor().username(), data.size(), inserted, created,
					blank, errors.size(), report)
			.query(Long.class)
			.single();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("file", fileName);
		detail.put("rows", data.size());
		detail.put("inserted", inserted);
		detail.put("createdPersons", created);
		detail.put("errors", errors.size());
		audit.record(AuditLog.Action.CREATE, AUDIT_TYPE, id, detail, null);
		return new Result(id, data.size(), inserted, created, blank, errors);
	}

	/** Recent imports of organisations in the caller's scope. */
	@Transactional(readOnly = true)
	public List<ImportSummary> recent(@Nullable Long before, int size) {
		DataScope scope = currentUser.scope();
		return scope.bind(jdbc.sql("""
				select i.id, i.organisation_id, o.name, i.file_name, i.created_by, i.created_at, i.rows_read, i.inserted,
				       i.created_persons, i.blank_rows, i.errors, i.report is not null
				from org_member_import i join org_organisation o on o.id = i.organisation_id
				where %s and (cast(:before as bigint) is null or i.id < :before)
				order by i.id desc limit :size""".formatted(scope.restrict("o.unit_id"))))
			.param("before", before)
			.param("size", size)
			.query((rs, n) -> new ImportSummary(rs.getLong(1), new OrganisationId(rs.getLong(2)), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getInt(7), rs.getInt(8),
					rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getBoolean(12)))
			.list();
	}

	/** The error report of an import of the caller's scope; fetching it is audited as an export. */
	public Optional<byte[]> report(long importId) {
		DataScope scope = currentUser.scope();
		Optional<byte[]> report = scope.bind(jdbc.sql("""
				select i.report from org_member_import i join org_organisation o on o.id = i.organisation_id
				where i.id = :id and i.report is not null and %s""".formatted(scope.restrict("o.unit_id"))))
			.param("id", importId)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
		report.ifPresent(r -> audit.record(AuditLog.Action.EXPORT, AUDIT_TYPE, importId, Map.of("file", "errors.xlsx"),
				null));
		return report;
	}

	public static byte[] template() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxExport.write(out, "成员", TEMPLATE,
				java.util.stream.Stream.of(List.of("张三", "110101199003077777", "13800138000", "会员", "2018-01-01", "", "新媒体从业人员")));
		return out.toByteArray();
	}

	private byte[] report(List<RowError> errors) throws IOException {
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		List<String> headers = List.of(text("import.report.row", zh), text("import.report.column", zh),
				text("import.report.value", zh), text("import.report.reason", zh));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxExport.write(out, text("import.report.sheet", zh), headers,
				errors.stream().map(e -> List.of(e.row(), e.column(), e.value(), text(e.reason(), zh))));
		return out.toByteArray();
	}

	public String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static <T> @Nullable T cleaned(CellValues.Cleaned<T> value, Cells cells, String field,
			List<RowError> errors) {
		if (value instanceof CellValues.Cleaned.Invalid<T> invalid) {
			errors.add(cells.error(field, invalid.reason()));
			return null;
		}
		return ((CellValues.Cleaned.Ok<T>) value).value();
	}

	/** "110105********002X": the area code and the last four characters stay, as in the people registry. */
	static String maskIdNumber(String value) {
		return value.length() < 10 ? "*".repeat(value.length())
				: value.substring(0, 6) + "********" + value.substring(value.length() - 4);
	}

	/** "138****5678", as in the people registry. */
	static String maskPhone(String value) {
		return value.length() < 7 ? "*".repeat(value.length())
				: value.substring(0, 3) + "****" + value.substring(value.length() - 4);
	}

	/** A row's cells by field, and its errors quoting the header the user wrote. */
	private record Cells(SheetRow row, Map<String, Integer> columns, Map<String, String> headers) {

		String raw(String field) {
			Integer column = columns.get(field);
			return column == null ? "" : row.cell(column);
		}

		/** ID and mobile numbers are masked as the people registry masks them: the report is kept and downloaded. */
		RowError error(String field, String reason) {
			String value = raw(field).strip();
			if ("idNumber".equals(field)) {
				value = maskIdNumber(value);
			}
			else if ("phone".equals(field)) {
				value = maskPhone(value);
			}
			return new RowError(row.number(), headers.getOrDefault(field, field), value, reason);
		}
	}
}
