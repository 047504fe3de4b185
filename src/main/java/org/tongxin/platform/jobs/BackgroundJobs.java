package org.tongxin.platform.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.Actor;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.PageCursor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submitting jobs and following them: within the caller's data scope, a job is seen by its owner and by
 * accounts holding the permission its kind names ({@link JobHandler#followPermission()}); nobody else
 * learns that it exists. URLs name jobs by {@link Job#publicId()}.
 */
@Service
@Transactional
public class BackgroundJobs {

	/** A file handed to a job at submission (an uploaded spreadsheet). */
	public record Upload(String name, String contentType, InputStream content) {
	}

	private final Jobs jobs;

	private final FileStore files;

	private final JobFiles jobFiles;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final JsonMapper json;

	private final ObjectProvider<JobHandler> handlers;

	BackgroundJobs(Jobs jobs, FileStore files, JobFiles jobFiles, CurrentUser currentUser, AuditLog audit,
			JsonMapper json, ObjectProvider<JobHandler> handlers) {
		this.handlers = handlers;
		this.jobs = jobs;
		this.files = files;
		this.jobFiles = jobFiles;
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

	/**
	 * Submits a job that starts from the kept input {@code input} of an earlier job of the caller's scope (see
	 * {@link JobContext#keepInputs}) instead of a second upload; the new job takes the file over. Empty when the
	 * earlier job kept no such file, or its time has passed, or another job has taken it already.
	 */
	public Optional<JobId> submitFrom(JobId earlier, String input, String kind, Object parameters) {
		Actor actor = currentUser.actor();
		Optional<StoredFile> kept = jobs.keptInput(viewer(), earlier, input);
		if (kept.isEmpty()) {
			return Optional.empty();
		}
		JobId id = jobs.insert(kind, actor.unit(), actor.username(), json.writeValueAsString(parameters));
		if (!jobs.moveInput(kept.get(), id)) {
			throw new IllegalStateException("kept input of job " + earlier + " was taken concurrently");
		}
		audit.record(AuditLog.Action.CREATE, "job", id, Map.of("kind", kind, "from", earlier.value()), null);
		return Optional.of(id);
	}

	/** Whether a job of the caller's scope keeps its input {@code input} for a later job. */
	@Transactional(readOnly = true)
	public boolean keeps(JobId id, String input) {
		return jobs.keptInput(viewer(), id, input).isPresent();
	}

	@Transactional(readOnly = true)
	public Optional<Job> find(JobId id) {
		return jobs.find(viewer(), id);
	}

	/** A job by the id its URLs carry, if the caller may see it. */
	@Transactional(readOnly = true)
	public Optional<Job> find(UUID publicId) {
		return jobs.find(viewer(), publicId);
	}

	@Transactional(readOnly = true)
	public List<Job> recent(String kind, @Nullable PageCursor before, int size) {
		return jobs.recent(viewer(), kind, before, size);
	}

	/** A file the job wrote, if the caller may see the job. */
	@Transactional(readOnly = true)
	public Optional<StoredFile> output(JobId id, String name) {
		return find(id).flatMap(job -> jobs.file(id, "OUTPUT", name)).filter(file -> {
			try {
				return files.exists(file.location());
			}
			catch (IOException e) {
				return false;
			}
		});
	}

	/** A file the job wrote, if the caller may see the job. */
	@Transactional(readOnly = true)
	public Optional<StoredFile> output(UUID publicId, String name) {
		return find(publicId).flatMap(job -> jobs.file(job.id(), "OUTPUT", name));
	}

	private Jobs.Viewer viewer() {
		Actor actor = currentUser.actor();
		List<String> followed = handlers.stream()
			.filter(handler -> handler.followPermission() != null && actor.can(handler.followPermission()))
			.map(JobHandler::kind)
			.toList();
		return new Jobs.Viewer(actor.scope(), actor.username(), followed);
	}

	public InputStream open(StoredFile file) throws IOException {
		return files.open(file.location());
	}

	public boolean cancel(JobId id) {
		boolean cancelled = jobs.cancel(viewer(), id);
		if (cancelled) {
			jobFiles.ended(id);
			audit.record(AuditLog.Action.UPDATE, "job", id, Map.of("after", Map.of("status", "CANCELLED")), null);
		}
		return cancelled;
	}
}
