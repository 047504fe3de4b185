package org.tongxin.people.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.people.PeopleImported;
import org.tongxin.people.internal.Dictionaries;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.Units;
import org.tongxin.platform.XlsxExport;
import org.tongxin.platform.crypto.FieldCipher;
import org.tongxin.platform.jobs.Job;
import org.tongxin.platform.jobs.JobContext;
import org.tongxin.platform.jobs.JobFailure;
import org.tongxin.platform.jobs.JobHandler;
import org.tongxin.platform.tabular.HeaderMapping;
import org.tongxin.platform.tabular.SheetRow;
import org.tongxin.platform.tabular.TabularFiles;

/**
 * Runs an import: reads and cleans the file in Java, COPYs the clean rows into the staging table, and
 * validates and merges with set-based SQL — all in ONE transaction. A crash anywhere before the commit
 * leaves nothing; the job runner then runs the job again from the start. The commit also stores the
 * import's counts (people_import) and its error report, so a job run again after its commit (the process
 * died before it could mark the job done) finds them and imports nothing twice. A dry run is the same
 * transaction, rolled back.
 */
@Component
class PeopleImportJob implements JobHandler {

	static final String KIND = "people.import";

	static final String INPUT = "upload";

	static final String AUDIT_TYPE = "person-import";

	private static final int PROGRESS_EVERY = 5_000;

	private final Clock clock;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate separately;

	private final FieldCipher cipher;

	private final Dictionaries dictionaries;

	private final Units units;

	private final AuditLog audit;

	private final MessageSource messages;

	private final ImportMappings mappings;

	private final ObjectProvider<ImportCheckpoint> checkpoints;

	private final ApplicationEventPublisher events;

	private final Duration dryRunKept;

	private final ImportMetrics metrics;

	PeopleImportJob(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions, FieldCipher cipher,
			Dictionaries dictionaries, Units units, AuditLog audit, MessageSource messages, ImportMappings mappings,
			ObjectProvider<ImportCheckpoint> checkpoints, ApplicationEventPublisher events,
			@Value("${tongxin.people.imports.dry-run-kept-for:24h}") Duration dryRunKept, Clock clock,
			ImportMetrics metrics) {
		this.clock = clock;
		this.metrics = metrics;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.cipher = cipher;
		this.dictionaries = dictionaries;
		this.units = units;
		this.audit = audit;
		this.messages = messages;
		this.mappings = mappings;
		this.checkpoints = checkpoints;
		this.events = events;
		this.dryRunKept = dryRunKept;
	}

	@Override
	public String kind() {
		return KIND;
	}

	/** Staff who may import people follow the imports of their scope; everyone else only their own. */
	@Override
	public String followPermission() {
		return PeopleImports.PERMISSION;
	}

	@Override
	public void run(JobContext context) throws Exception {
		Job job = context.job();
		ImportOptions options = context.parameters(ImportOptions.class);
		Optional<ImportResult> committed = committed(job, options);
		if (committed.isPresent()) {
			context.result(committed.get());
			return;
		}
		Path work = context.scratch();
		long started = System.nanoTime();
		try {
			Path file = work.resolve("input");
			try (InputStream in = context.input(INPUT)) {
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			}
			Path report = work.resolve(ErrorReport.FILE);
			ImportResult result = transaction.execute(status -> {
				try {
					ImportResult r = importInTransaction(context, options, file, report, work);
					if (options.dryRun()) {
						status.setRollbackOnly();
					}
					else {
						if (Files.exists(report)) {
							saveReport(context, report);
						}
						record(job, options, r);
					}
					return r;
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
			if (options.dryRun() && Files.exists(report)) {
				saveReport(context, report);
			}
			context.result(java.util.Objects.requireNonNull(result));
			if (!options.dryRun()) {
				metrics.committed(result, Duration.ofNanos(System.nanoTime() - started));
			}
			if (options.dryRun()) {
				// The upload stays (encrypted) so that "import for real" needs no second upload; the real import
				// takes it over, and it is deleted when that ends or when this time has passed.
				context.keepInputs(dryRunKept);
			}
		}
		finally {
			try (var files = Files.list(work)) {
				for (Path p : files.toList()) {
					Files.deleteIfExists(p);
				}
			}
			Files.deleteIfExists(work);
		}
	}

	private ImportResult importInTransaction(JobContext context, ImportOptions options, Path file, Path report,
			Path work) throws IOException {
		Job job = context.job();
		long jobId = job.id().value();
		for (String statement : Staging.CREATE.split(";\n")) {
			jdbc.sql(statement).update();
		}
		Unit owner = units.get(job.unit());
		Unit defaultUnit = places(owner) ? owner : null;
		HeaderMapping mapping = ImportField.mapping().with(mappings.of(job.unit()))
			.with(options.mapping() == null ? Map.of() : options.mapping());
		Places places = new Places(units);
		Lists lists = new Lists(dictionaries.all());
		try (ErrorSpill spill = new ErrorSpill(work)) {
			Reader reader = new Reader(context, mapping, lists, places, defaultUnit, spill);
			Connection connection = DataSourceUtils.getConnection(dataSource);
			try (Staging staging = new Staging(connection)) {
				reader.staging = staging;
				try {
					TabularFiles.read(file, reader);
				}
				catch (TabularFiles.UnreadableFile e) {
					throw new JobFailure("import.error.unreadable", e);
				}
				reader.end();
				staging.finish();
			}
			catch (java.sql.SQLException e) {
				throw new IllegalStateException("staging failed", e);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, dataSource);
			}
			RowCleaner columns = java.util.Objects.requireNonNull(reader.cleaner);
			long total = reader.total;
			String by = job.owner();
			jdbc.sql("analyze people_import_row").update();
			ImportMerge merge = new ImportMerge(jdbc, context.scope(), columns);
			progress(context, "import.phase.checking", 0, 4);
			merge.checkScope();
			merge.duplicatesInFile();
			progress(context, "import.phase.matching", 1, 4);
			merge.match();
			merge.decide(options.mode());
			checkpoint("matched", jobId);
			progress(context, "import.phase.merging", 2, 4);
			if (options.mode() != ImportMode.SKIP) {
				Map<Long, String> placeNames = new LinkedHashMap<>();
				for (Long unit : merge.unitsOfMatchedPersons()) {
					placeNames.put(unit, units.place(new UnitId(unit)));
				}
				merge.merge(options.mode(), jobId, by, placeNames);
			}
			checkpoint("merged", jobId);
			long inserted = merge.insert(jobId, by);
			checkpoint("inserted", jobId);
			long updated = merge.count("action in ('UPDATE', 'FILL_EMPTY')");
			long skipped = merge.count("action = 'SKIP'");
			long failed = spill.rows() + merge.count("failed");
			progress(context, "import.phase.report", 3, 4);
			ShownErrors shown = new ShownErrors(columns);
			if (spill.rows() > 0 || failed > 0) {
				try (OutputStream out = Files.newOutputStream(report);
						var checked = jdbc.sql("""
								select row_no, column_name, value, reason, argument
								from people_import_error order by row_no, reason""")
							.query((rs, n) -> new RowError(rs.getInt(1), rs.getString(2),
									rs.getString(3) == null ? "" : rs.getString(3), rs.getString(4), rs.getString(5)))
							.stream()) {
					ErrorReport.write(out, shown.fromReading(spill.read()), shown.fromChecks(checked.iterator()), messages);
				}
			}
			return new ImportResult(options.dryRun(), options.mode(), total, inserted, updated, skipped, failed,
					reader.unknownHeaders, shown.first(), reader.used);
		}
	}

	private static boolean places(Unit unit) {
		return Places.isCity(unit) || unit.level() == org.tongxin.platform.UnitLevel.DISTRICT;
	}

	/**
	 * The import's counts and its audit entry, in the import's own transaction. One audit entry per import,
	 * not per row: the audit log is a hash chain written one entry at a time, and a million-row import
	 * must not become a million entries; each person carries the job's id instead (import_job_id).
	 */
	private void record(Job job, ImportOptions options, ImportResult r) {
		jdbc.sql("""
				insert into people_import (job_id, unit_id, mode, total, inserted, updated, skipped, failed, unknown_headers)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(job.id().value(), job.unit().value(), options.mode().name(), r.total(), r.inserted(), r.updated(),
					r.skipped(), r.failed(), r.unknownHeaders().toArray(String[]::new))
			.update();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("file", options.fileName());
		detail.put("mode", options.mode().name());
		detail.put("total", r.total());
		detail.put("inserted", r.inserted());
		detail.put("updated", r.updated());
		detail.put("skipped", r.skipped());
		detail.put("failed", r.failed());
		audit.append(job.owner(), job.unit(), AuditLog.Action.CREATE, AUDIT_TYPE, job.id(), Map.of("after", detail), null);
		if (r.inserted() + r.updated() > 0) {
			events.publishEvent(new PeopleImported(job.id().value(), job.unit(), r.inserted(), r.updated()));
		}
	}

	private Optional<ImportResult> committed(Job job, ImportOptions options) {
		return jdbc.sql("select * from people_import where job_id = ?")
			.param(job.id().value())
			.query((rs, n) -> new ImportResult(false, ImportMode.valueOf(rs.getString("mode")), rs.getLong("total"),
					rs.getLong("inserted"), rs.getLong("updated"), rs.getLong("skipped"), rs.getLong("failed"),
					List.of((String[]) rs.getArray("unknown_headers").getArray()), null, null))
			.optional()
			.filter(r -> !options.dryRun());
	}

	private static void saveReport(JobContext context, Path report) {
		try {
			context.output(ErrorReport.FILE, XlsxExport.CONTENT_TYPE, out -> Files.copy(report, out));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Progress in a transaction of its own, on another connection: the import's transaction shows nothing
	 * until it commits, and its connection is busy with the COPY while rows are read.
	 */
	private void progress(JobContext context, String phase, long done, @Nullable Long total) {
		separately.executeWithoutResult(s -> context.progress(phase, done, total));
	}

	private void progress(JobContext context, String phase, long done, long total) {
		progress(context, phase, done, Long.valueOf(total));
	}

	private void checkpoint(String step, long jobId) {
		checkpoints.ifAvailable(c -> c.reached(step, jobId));
	}

	/** Finds the header, then cleans and stages each row as it streams past. */
	private final class Reader implements java.util.function.Consumer<SheetRow> {

		private final JobContext context;

		private final HeaderMapping mapping;

		private final Lists lists;

		private final Places places;

		private final @Nullable Unit defaultUnit;

		private final ErrorSpill spill;

		private final List<SheetRow> top = new ArrayList<>();

		private @Nullable RowCleaner cleaner;

		private @Nullable Staging staging;

		private List<String> unknownHeaders = Collections.emptyList();

		private Map<String, String> used = Map.of();

		private long total;

		private long read;

		Reader(JobContext context, HeaderMapping mapping, Lists lists, Places places, @Nullable Unit defaultUnit,
				ErrorSpill spill) {
			this.context = context;
			this.mapping = mapping;
			this.lists = lists;
			this.places = places;
			this.defaultUnit = defaultUnit;
			this.spill = spill;
		}

		@Override
		public void accept(SheetRow row) {
			if (cleaner != null) {
				process(row);
				return;
			}
			top.add(row);
			mapping.locate(top, 2).ifPresent(located -> {
				SheetRow header = top.stream().filter(r -> r.number() == located.headerRow()).findFirst().orElseThrow();
				if (!located.columns().containsKey(ImportField.NAME.name())) {
					throw new JobFailure("import.error.nameColumn");
				}
				if (!located.columns().containsKey(ImportField.GROUP.name())) {
					throw new JobFailure("import.error.groupColumn");
				}
				cleaner = new RowCleaner(located.columns(), header, lists, places, cipher, defaultUnit,
						LocalDate.now(clock));
				unknownHeaders = List.copyOf(located.unknownHeaders());
				used = new LinkedHashMap<>(located.used());
				top.clear();
			});
			if (cleaner == null && top.size() >= 20) {
				throw new JobFailure("import.error.noHeader");
			}
		}

		void end() {
			if (cleaner == null) {
				throw new JobFailure("import.error.noHeader");
			}
			progress(context, "import.phase.reading", read, read);
		}

		private void process(SheetRow row) {
			read++;
			if (read % PROGRESS_EVERY == 0) {
				if (Boolean.TRUE.equals(separately.execute(s -> context.cancelled()))) {
					throw new JobFailure("import.error.cancelled");
				}
				progress(context, "import.phase.reading", read, null);
			}
			if (row.blank()) {
				return;
			}
			total++;
			RowCleaner.Outcome outcome = java.util.Objects.requireNonNull(cleaner).clean(row);
			if (outcome.row() != null) {
				java.util.Objects.requireNonNull(staging).add(outcome.row());
			}
			else {
				outcome.errors().forEach(spill::add);
			}
		}
	}
}
