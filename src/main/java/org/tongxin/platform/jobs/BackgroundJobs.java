package org.tongxin.platform.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.Actor;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.CurrentUser;
import tools.jackson.databind.json.JsonMapper;

/** Submitting jobs and following them, always within the caller's data scope. */
@Service
@Transactional
public class BackgroundJobs {

	/** A file handed to a job at submission (an uploaded spreadsheet). */
	public record Upload(String name, String contentType, InputStream content) {
	}

	private final Jobs jobs;

	private final FileStore files;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final JsonMapper json;

	BackgroundJobs(Jobs jobs, FileStore files, CurrentUser currentUser, AuditLog audit, JsonMapper json) {
		this.jobs = jobs;
		this.files = files;
		this.currentUser = currentUser;
		this.audit = audit;
		this.json = json;
	}

	public JobId submit(String kind, Object parameters, List<Upload> inputs) {
		Actor actor = currentUser.actor();
		JobId id = jobs.insert(kind, actor.unit(), actor.username(), json.writeValueAsString(parameters));
		for (Upload upload : inputs) {
			try (InputStream content = upload.content()) {
				jobs.addFile(id, "INPUT", upload.name(), upload.contentType(), files.write(content));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		audit.record(AuditLog.Action.CREATE, "job", id, Map.of("kind", kind, "inputs",
				inputs.stream().map(Upload::name).toList()), null);
		return id;
	}

	@Transactional(readOnly = true)
	public Optional<Job> find(JobId id) {
		return jobs.find(currentUser.scope(), id);
	}

	@Transactional(readOnly = true)
	public List<Job> recent(String kind, @Nullable Long before, int size) {
		return jobs.recent(currentUser.scope(), kind, before, size);
	}

	/** A file the job wrote, if the job lies within the caller's scope. */
	@Transactional(readOnly = true)
	public Optional<StoredFile> output(JobId id, String name) {
		return find(id).flatMap(job -> jobs.file(id, "OUTPUT", name));
	}

	public InputStream open(StoredFile file) throws IOException {
		return files.open(file.location());
	}

	public boolean cancel(JobId id) {
		boolean cancelled = jobs.cancel(currentUser.scope(), id);
		if (cancelled) {
			audit.record(AuditLog.Action.UPDATE, "job", id, Map.of("after", Map.of("status", "CANCELLED")), null);
		}
		return cancelled;
	}
}
