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
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.UnitLevel;
import org.tongxin.platform.Units;
import org.tongxin.platform.jobs.BackgroundJobs;
import org.tongxin.platform.jobs.Job;
import org.tongxin.platform.jobs.JobId;
import org.tongxin.platform.jobs.StoredFile;
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

	@Transactional
	/** @return the public id of the queued job, for its URLs */
	public UUID submit(String fileName, String contentType, InputStream content, ImportMode mode, boolean dryRun) {
		if (!currentUser.actor().can(PERMISSION)) {
			throw new AccessDeniedException(PERMISSION + " required");
		}
		JobId id = jobs.submit(PeopleImportJob.KIND, new ImportOptions(mode, dryRun, fileName),
				List.of(new BackgroundJobs.Upload(PeopleImportJob.INPUT, contentType, content)));
		return jobs.find(id).orElseThrow().publicId();
	}

	public Optional<ImportJob> find(UUID id) {
		return jobs.find(id).filter(job -> PeopleImportJob.KIND.equals(job.kind())).map(this::view);
	}

	public List<ImportJob> recent(@Nullable Long before, int size) {
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
			if (ImportField.of(field) != null && !header.isBlank() && header.length() <= 100) {
				mappings.save(actor.unit(), header.strip(), field, actor.username());
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
