package org.tongxin.people.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.people.internal.Dictionaries;
import org.tongxin.platform.Actor;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.Conflict;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.Refused;
import org.tongxin.platform.UnitLevel;
import org.tongxin.platform.Units;
import org.tongxin.platform.jobs.BackgroundJobs;
import org.tongxin.platform.jobs.Job;
import org.tongxin.platform.jobs.JobId;
import org.tongxin.platform.jobs.StoredFile;
import org.tongxin.platform.tabular.HeaderMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports of persons as the signed-in user sees them: submitting one, following it, its error report,
 * the template and the unit's saved header mappings. Everything within the caller's data scope (through
 * {@link BackgroundJobs}, which finds only jobs of the caller's scope).
 */
@Service
@Transactional(readOnly = true)
public class PeopleImports {

	public static final String PERMISSION = "people:import";

	/** An import job with what it did, once it is done. */
	public record ImportJob(Job job, ImportOptions options, @Nullable ImportResult result) {
	}

	private final BackgroundJobs jobs;

	private final ImportMappings mappings;

	private final Dictionaries dictionaries;

	private final Units units;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final JsonMapper json;

	PeopleImports(BackgroundJobs jobs, ImportMappings mappings, Dictionaries dictionaries, Units units,
			CurrentUser currentUser, AuditLog audit, JsonMapper json) {
		this.jobs = jobs;
		this.mappings = mappings;
		this.dictionaries = dictionaries;
		this.units = units;
		this.currentUser = currentUser;
		this.audit = audit;
		this.json = json;
	}

	/** @return the public id of the queued job, for its URLs */
	@Transactional
	public UUID submit(String fileName, String contentType, InputStream content, ImportMode mode, boolean dryRun) {
		return submit(fileName, contentType, content, mode, dryRun, Map.of());
	}

	/**
	 * @param mapping header → field name (any case) or {@code IGNORE}, for this file only; an unknown field is
	 * refused with {@link Refused}
	 * @return the public id of the queued job, for its URLs
	 */
	@Transactional
	public UUID submit(String fileName, String contentType, InputStream content, ImportMode mode, boolean dryRun,
			Map<String, String> mapping) {
		if (!currentUser.actor().can(PERMISSION)) {
			throw new AccessDeniedException(PERMISSION + " required");
		}
		JobId id = jobs.submit(PeopleImportJob.KIND, new ImportOptions(mode, dryRun, fileName, canonical(mapping)),
				List.of(new BackgroundJobs.Upload(PeopleImportJob.INPUT, contentType, content)));
		return jobs.find(id).orElseThrow().publicId();
	}

	/**
	 * Runs for real the import a dry run of the caller's scope checked: the same file (kept, encrypted, since the
	 * dry run), mode and mapping, without a second upload. The file then belongs to the new import.
	 * @throws Conflict {@code import.forReal.gone} when the dry run's file is no longer kept (taken by another
	 * import, or its time has passed)
	 */
	@Transactional
	public UUID importForReal(UUID dryRun) {
		if (!currentUser.actor().can(PERMISSION)) {
			throw new AccessDeniedException(PERMISSION + " required");
		}
		ImportJob checked = find(dryRun).filter(view -> view.options().dryRun())
			.orElseThrow(() -> new Conflict("import.forReal.gone"));
		ImportOptions options = checked.options();
		JobId real = jobs.submitFrom(checked.job().id(), PeopleImportJob.INPUT, PeopleImportJob.KIND,
				new ImportOptions(options.mode(), false, options.fileName(), options.mapping()))
			.orElseThrow(() -> new Conflict("import.forReal.gone"));
		return jobs.find(real).orElseThrow().publicId();
	}

	/** Whether an import of the caller's scope is a dry run whose file is kept for the real import. */
	public boolean canImportForReal(ImportJob view) {
		return view.options().dryRun() && view.job().status() == org.tongxin.platform.jobs.JobStatus.SUCCEEDED
				&& jobs.keeps(view.job().id(), PeopleImportJob.INPUT);
	}

	/** Field names as the import knows them ("group" is GROUP); blank means leave the column out. */
	static Map<String, String> canonical(Map<String, String> mapping) {
		Map<String, String> canonical = new java.util.LinkedHashMap<>();
		mapping.forEach((header, field) -> {
			if (header == null || header.isBlank()) {
				return;
			}
			if (field == null || field.isBlank() || HeaderMapping.IGNORE.equalsIgnoreCase(field.strip())) {
				canonical.put(header.strip(), HeaderMapping.IGNORE);
				return;
			}
			ImportField known = ImportField.of(field);
			if (known == null || header.length() > 100) {
				List<String> fields = java.util.Arrays.stream(ImportField.values()).map(Enum::name).toList();
				throw new Refused("import.api.mappingField", header, field,
						String.join(", ", fields) + ", " + HeaderMapping.IGNORE);
			}
			canonical.put(header.strip(), known.name());
		});
		return canonical;
	}

	public Optional<ImportJob> find(UUID id) {
		return jobs.find(id).filter(job -> PeopleImportJob.KIND.equals(job.kind())).map(this::view);
	}

	public List<ImportJob> recent(org.tongxin.platform.@Nullable PageCursor before, int size) {
		return jobs.recent(PeopleImportJob.KIND, before, size).stream().map(this::view).toList();
	}

	/** The error report of an import of the caller's scope, if it has one. */
	public Optional<StoredFile> errors(UUID id) {
		return find(id).flatMap(job -> jobs.output(id, ErrorReport.FILE));
	}

	public InputStream open(StoredFile file) throws IOException {
		return jobs.open(file);
	}

	/** The template: the headers, and drop-downs with the code lists and the caller's cities. */
	public void template(OutputStream out) throws IOException {
		List<String> cities = units.within(currentUser.scope(), UnitLevel.PROVINCE, UnitLevel.CITY)
			.stream()
			.filter(Places::isCity)
			.map(org.tongxin.platform.Unit::name)
			.toList();
		ImportTemplate.write(out, dictionaries.all(), cities);
	}

	/** The fields a header can be mapped to, for the mapping form. */
	public List<String> fields() {
		return java.util.Arrays.stream(ImportField.values()).map(Enum::name).toList();
	}

	public Map<String, String> savedMapping() {
		return mappings.of(currentUser.actor().unit());
	}

	/** Saves header → field for the caller's unit; unknown fields and blank choices are ignored. */
	@Transactional
	public void saveMapping(Map<String, String> headerToField) {
		Actor actor = currentUser.actor();
		if (!actor.can(PERMISSION)) {
			throw new AccessDeniedException(PERMISSION + " required");
		}
		headerToField.forEach((header, field) -> {
			ImportField known = ImportField.of(field);
			if (known != null && !header.isBlank() && header.length() <= 100) {
				mappings.save(actor.unit(), header.strip(), known.name(), actor.username());
			}
		});
		audit.record(AuditLog.Action.UPDATE, "person-import-mapping", actor.unit(), Map.of("after", headerToField), null);
	}

	private ImportJob view(Job job) {
		ImportOptions options = json.readValue(job.parameters() == null ? "{}" : job.parameters(), ImportOptions.class);
		ImportResult result = job.result() == null ? null : json.readValue(job.result(), ImportResult.class);
		return new ImportJob(job, options, result);
	}
}
