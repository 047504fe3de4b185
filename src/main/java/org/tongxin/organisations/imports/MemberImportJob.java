package org.tongxin.organisations.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.organisations.JoinedVia;
import org.tongxin.organisations.MemberRole;
import org.tongxin.organisations.MembershipStatus;
import org.tongxin.organisations.Organisation;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.organisations.Organisations;
import org.tongxin.organisations.imports.MemberImports.Options;
import org.tongxin.organisations.imports.MemberImports.Result;
import org.tongxin.organisations.imports.MemberImports.RowError;
import org.tongxin.organisations.internal.MembershipRecords;
import org.tongxin.people.IdNumber;
import org.tongxin.people.LegalBasis;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.PersonForm;
import org.tongxin.people.PersonId;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.Refused;
import org.tongxin.platform.XlsxExport;
import org.tongxin.platform.jobs.Job;
import org.tongxin.platform.jobs.JobContext;
import org.tongxin.platform.jobs.JobFailure;
import org.tongxin.platform.jobs.JobHandler;
import org.tongxin.platform.tabular.CellValues;
import org.tongxin.platform.tabular.HeaderMapping;
import org.tongxin.platform.tabular.SheetRow;
import org.tongxin.platform.tabular.TabularFiles;

/**
 * Runs a member import. The job runner signs the uploader in for it, so the people registry and the
 * organisations facade see the uploader's data scope and permissions, as they would in a request.
 * <p>
 * The file is read twice, row by row, never whole: once to find the header and count the rows (a file of more than
 * {@value MemberImports#MAX_ROWS} rows is refused before anything is written), once to import. The import is ONE
 * transaction that also stores the counts and the error report (org_member_import, linked to the job): a crash
 * leaves nothing, and a job run again after its commit finds its import and writes nothing twice. Within it, each
 * created person has a savepoint, so a person the registry refuses is a refused row, not a rolled-back import.
 */
@Component
class MemberImportJob implements JobHandler {

	static final String KIND = "organisation-members";

	static final String INPUT = "upload";

	/** The refused rows kept in the job's result for the page; the error report has all of them. */
	static final int SHOWN_ERRORS = 50;

	private static final int PROGRESS_EVERY = 250;

	/** Rows searched for the header, as the header mapping searches them. */
	private static final int TOP_ROWS = 20;

	private final Organisations organisations;

	private final MembershipRecords memberships;

	private final PeopleRegistry people;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate nested;

	private final TransactionTemplate separately;

	private final Clock clock;

	MemberImportJob(Organisations organisations, MembershipRecords memberships, PeopleRegistry people,
			CurrentUser currentUser, AuditLog audit, MessageSource messages, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock) {
		this.clock = clock;
		this.organisations = organisations;
		this.memberships = memberships;
		this.people = people;
		this.currentUser = currentUser;
		this.audit = audit;
		this.messages = messages;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.nested = new TransactionTemplate(transactions);
		this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public String kind() {
		return KIND;
	}

	/** Who may open the imports page follows the member imports of the scope; everyone else only their own. */
	@Override
	public String followPermission() {
		return "organisations:read";
	}

	@Override
	public void run(JobContext context) throws Exception {
		Job job = context.job();
		Options options = context.parameters(Options.class);
		Optional<Result> committed = committed(job);
		if (committed.isPresent()) {
			context.result(committed.get());
			return;
		}
		// Checked again as the owner is now: a permission withdrawn since the upload is withdrawn from the job.
		if (options.createUnknown() && !currentUser.actor().can(MemberImports.PEOPLE_WRITE)) {
			throw new JobFailure("memberImport.create.forbidden");
		}
		Path file = context.scratch().resolve("upload");
		try {
			try (InputStream in = context.input(INPUT)) {
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			}
			Layout layout = layout(file);
			progress(context, layout.dataRows(), 0);
			Result result = transaction.execute(status -> {
				try {
					return importRows(context, options, file, layout);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
			context.result(Objects.requireNonNull(result));
		}
		catch (TabularFiles.UnreadableFile e) {
			throw new JobFailure("memberImport.file.unreadable", e);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** Where the header is, what the user called its columns, and how many rows follow it. */
	private record Layout(HeaderMapping.Located header, Map<String, String> headerText, int dataRows) {
	}

	private Layout layout(Path file) throws IOException {
		List<SheetRow> top = new ArrayList<>();
		int[] rows = { 0 };
		TabularFiles.read(file, row -> {
			if (top.size() < TOP_ROWS) {
				top.add(row);
			}
			if (++rows[0] > MemberImports.MAX_ROWS + TOP_ROWS) {
				throw new JobFailure("memberImport.tooMany");
			}
		});
		HeaderMapping.Located header = new HeaderMapping(MemberImports.HEADERS, MemberImports.KEYWORDS).locate(top, 2)
			.orElseThrow(() -> new JobFailure("memberImport.header.missing"));
		if (!header.columns().containsKey("idNumber") && !header.columns().containsKey("phone")) {
			throw new JobFailure("memberImport.header.key");
		}
		int dataRows = rows[0] - (int) top.stream().filter(r -> r.number() <= header.headerRow()).count();
		if (dataRows > MemberImports.MAX_ROWS) {
			throw new JobFailure("memberImport.tooMany");
		}
		Map<String, String> headerText = new LinkedHashMap<>();
		top.stream().filter(r -> r.number() == header.headerRow()).findFirst().ifPresent(
				h -> header.columns().forEach((field, column) -> headerText.put(field, h.cell(column).strip())));
		return new Layout(header, headerText, dataRows);
	}

	private Result importRows(JobContext context, Options options, Path file, Layout layout) throws IOException {
		Organisation organisation = organisations.organisation(new OrganisationId(options.organisation()))
			.orElseThrow(() -> new JobFailure("memberImport.organisation.gone"));
		Rows rows = new Rows(context, organisation, options.createUnknown(), layout);
		TabularFiles.read(file, row -> {
			if (row.number() > layout.header().headerRow()) {
				rows.accept(row);
			}
		});
		progress(context, layout.dataRows(), rows.read);
		byte[] report = rows.errors.isEmpty() ? null : report(rows.errors);
		Map.Entry<Long, UUID> inserted = jdbc.sql("""
				insert into org_member_import (organisation_id, file_name, created_by, rows_read, inserted, created_persons,
				    blank_rows, errors, report, job_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id, public_id""")
			.params(organisation.id().value(), options.fileName(), context.job().owner(), rows.read, rows.inserted,
					rows.created, rows.blank, rows.errors.size(), report, context.job().id().value())
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getObject(2, UUID.class)))
			.single();
		long id = inserted.getKey();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("file", options.fileName());
		detail.put("job", context.job().id().value());
		detail.put("rows", rows.read);
		detail.put("inserted", rows.inserted);
		detail.put("createdPersons", rows.created);
		detail.put("errors", rows.errors.size());
		audit.record(AuditLog.Action.CREATE, MemberImports.AUDIT_TYPE, id, detail, null);
		return new Result(inserted.getValue(), rows.read, rows.inserted, rows.created, rows.blank, rows.errors.size(),
				List.copyOf(rows.errors.subList(0, Math.min(SHOWN_ERRORS, rows.errors.size()))));
	}

	/** The rows after the header, one at a time: every check before a row is written. */
	private final class Rows {

		private final JobContext context;

		private final Organisation organisation;

		private final boolean createUnknown;

		private final Layout layout;

		private final List<RowError> errors = new ArrayList<>();

		private final Set<String> seen = new HashSet<>();

		private int read;

		private int blank;

		private int inserted;

		private int created;

		Rows(JobContext context, Organisation organisation, boolean createUnknown, Layout layout) {
			this.context = context;
			this.organisation = organisation;
			this.createUnknown = createUnknown;
			this.layout = layout;
		}

		void accept(SheetRow row) {
			read++;
			if (read % PROGRESS_EVERY == 0) {
				progress(context, layout.dataRows(), read);
			}
			if (row.blank()) {
				blank++;
				return;
			}
			Map<String, Integer> columns = layout.header().columns();
			Cells cells = new Cells(row, columns, layout.headerText());
			int before = errors.size();
			String idNumber = cleaned(CellValues.idNumber(cells.raw("idNumber")), cells, "idNumber");
			if (idNumber != null && IdNumber.parse(idNumber).isEmpty()) {
				errors.add(cells.error("idNumber", "memberImport.id.checksum"));
				idNumber = null;
			}
			String phone = cleaned(CellValues.mobile(cells.raw("phone")), cells, "phone");
			MemberRole role = MemberRole.MEMBER;
			String roleText = CellValues.halfWidth(cells.raw("role"));
			if (!roleText.isEmpty()) {
				role = MemberImports.ROLES.get(roleText);
				if (role == null) {
					errors.add(cells.error("role", "memberImport.role.unknown"));
				}
			}
			LocalDate start = cleaned(CellValues.date(cells.raw("termStart")), cells, "termStart");
			LocalDate end = cleaned(CellValues.date(cells.raw("termEnd")), cells, "termEnd");
			if (start != null && end != null && end.isBefore(start)) {
				errors.add(cells.error("termEnd", "member.term.order"));
			}
			if (errors.size() > before) {
				return;
			}
			if (idNumber == null && phone == null) {
				errors.add(cells.error(columns.containsKey("idNumber") ? "idNumber" : "phone", "memberImport.key.missing"));
				return;
			}
			PersonId person = person(cells, idNumber, phone);
			if (person == null) {
				return;
			}
			String key = person.value() + ":" + role;
			if (seen.contains(key) || memberships.holdsOpen(organisation.id(), person, role)) {
				errors.add(cells.error(idNumber != null ? "idNumber" : "phone", "memberImport.duplicate"));
				return;
			}
			seen.add(key);
			memberships.insert(organisation.id(), person, role, organisation.currentTerm(),
					start == null ? LocalDate.now(clock) : start, end, MembershipStatus.ACTIVE, JoinedVia.IMPORT);
			inserted++;
		}

		/** The registered person, or a new one when asked; null (with the row's error) when there is none. */
		private @Nullable PersonId person(Cells cells, @Nullable String idNumber, @Nullable String phone) {
			Optional<PersonId> match = people.identify(idNumber, phone);
			if (match.isPresent()) {
				return match.get();
			}
			if (!createUnknown) {
				errors.add(cells.error(idNumber != null ? "idNumber" : "phone", "memberImport.person.unknown"));
				return null;
			}
			String name = CellValues.halfWidth(cells.raw("name"));
			String groupText = CellValues.halfWidth(cells.raw("group"));
			String group = MemberImports.GROUPS.getOrDefault(groupText, groupText.toUpperCase(Locale.ROOT));
			if (idNumber == null) {
				errors.add(cells.error("idNumber", "memberImport.create.idNumber"));
				return null;
			}
			if (name.isEmpty() || name.length() > 50) {
				errors.add(cells.error("name", "memberImport.create.name"));
				return null;
			}
			if (!MemberImports.GROUPS.containsValue(group)) {
				errors.add(cells.error("group", "memberImport.create.group"));
				return null;
			}
			PersonForm form = new PersonForm(organisation.unit().value(), name, null, null, null, idNumber, phone, null,
					null, null, null, null, group, null, null, null, null, null, null, null, LegalBasis.CONSENT);
			try {
				// A savepoint: a person the registry refuses (an ID number already registered in the scope, an
				// owner unit that cannot hold persons) is a refused row, not a rolled-back import.
				PersonId id = nested.execute(status -> people.createIdentified(form).id());
				created++;
				return id;
			}
			catch (Refused e) {
				Map.Entry<String, String> first = e.fields().entrySet().iterator().next();
				errors.add(cells.error(MemberImports.HEADERS.containsKey(first.getKey()) ? first.getKey() : "idNumber",
						first.getValue()));
				return null;
			}
		}

		private <T> @Nullable T cleaned(CellValues.Cleaned<T> value, Cells cells, String field) {
			if (value instanceof CellValues.Cleaned.Invalid<T> invalid) {
				errors.add(cells.error(field, invalid.reason()));
				return null;
			}
			return ((CellValues.Cleaned.Ok<T>) value).value();
		}
	}

	/** Progress in its own transaction: the import's transaction is seen by nobody until it commits. */
	private void progress(JobContext context, long total, long done) {
		separately.executeWithoutResult(s -> context.progress("memberImport.phase.importing", done, total));
	}

	/** The import this job committed before its process died, if it did. */
	private Optional<Result> committed(Job job) {
		return jdbc.sql("""
				select public_id, rows_read, inserted, created_persons, blank_rows, errors from org_member_import where job_id = ?""")
			.param(job.id().value())
			.query((rs, n) -> new Result(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), List.of()))
			.optional();
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

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
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
				value = MemberImports.maskIdNumber(value);
			}
			else if ("phone".equals(field)) {
				value = MemberImports.maskPhone(value);
			}
			return new RowError(row.number(), headers.getOrDefault(field, field), value, reason);
		}
	}
}
