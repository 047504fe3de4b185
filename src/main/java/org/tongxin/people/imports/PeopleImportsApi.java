package org.tongxin.people.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongxin.platform.XlsxExport;
import org.tongxin.platform.jobs.JobId;
import org.tongxin.platform.jobs.StoredFile;

/** Imports over the API: submit a file, follow the job, fetch its error report. Jobs of other units: 404. */
@RestController
@RequestMapping("/api/v1/people/imports")
class PeopleImportsApi {

	private static final String UNEXPECTED = "jobs.error.unexpected";

	private final PeopleImports imports;

	private final MessageSource messages;

	PeopleImportsApi(PeopleImports imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@PostMapping(consumes = "multipart/form-data")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasAuthority('people:import')")
	Map<String, Object> submit(@RequestParam MultipartFile file,
			@RequestParam(defaultValue = "SKIP") ImportMode mode,
			@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
		try (InputStream in = file.getInputStream()) {
			JobId id = imports.submit(name, String.valueOf(file.getContentType()), in, mode, dryRun);
			return Map.of("id", id.value());
		}
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('people:import')")
	Map<String, Object> status(@PathVariable long id, Locale locale) {
		PeopleImports.ImportJob view = imports.find(new JobId(id)).orElseThrow(() -> new ImportNotFound(id));
		return described(view, messages, locale);
	}

	@GetMapping("/{id}/errors.xlsx")
	@PreAuthorize("hasAuthority('people:import')")
	void errors(@PathVariable long id, HttpServletResponse response) throws IOException {
		StoredFile file = imports.errors(new JobId(id)).orElseThrow(() -> new ImportNotFound(id));
		XlsxExport.prepare(response, "导入错误报告-" + id);
		try (InputStream in = imports.open(file)) {
			in.transferTo(response.getOutputStream());
		}
	}

	static Map<String, Object> described(PeopleImports.ImportJob view, MessageSource messages, Locale locale) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", view.job().id().value());
		body.put("status", view.job().status().name());
		body.put("file", view.options().fileName());
		body.put("mode", view.options().mode().name());
		body.put("dryRun", view.options().dryRun());
		Map<String, Object> progress = new LinkedHashMap<>();
		progress.put("phase", view.job().phase());
		progress.put("done", view.job().done());
		progress.put("total", view.job().total());
		progress.put("percent", view.job().percent());
		body.put("progress", progress);
		if (view.result() != null) {
			Map<String, Object> counts = new LinkedHashMap<>();
			counts.put("total", view.result().total());
			counts.put("inserted", view.result().inserted());
			counts.put("updated", view.result().updated());
			counts.put("skipped", view.result().skipped());
			counts.put("failed", view.result().failed());
			body.put("counts", counts);
			body.put("unknownHeaders", view.result().unknownHeaders());
			body.put("errorReport", view.result().failed() > 0 ? "/api/v1/people/imports/" + view.job().id().value()
					+ "/errors.xlsx" : null);
		}
		body.put("error", error(view.job().error(), messages, locale));
		return body;
	}

	/**
	 * Why the job failed: its message key as {@code code} and the message in the caller's language as
	 * {@code detail}. A failure without a key of ours (the text of an exception, kept for the administrator) is
	 * told as the general job error: library text never reaches the client.
	 */
	static @Nullable Map<String, String> error(@Nullable String error, MessageSource messages, Locale locale) {
		if (error == null) {
			return null;
		}
		String text = messages.getMessage(error, null, null, locale);
		String code = text == null ? UNEXPECTED : error;
		Map<String, String> described = new LinkedHashMap<>();
		described.put("code", code);
		described.put("detail", text == null ? messages.getMessage(UNEXPECTED, null, locale) : text);
		return described;
	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class ImportNotFound extends RuntimeException {

		ImportNotFound(long id) {
			super("import " + id + " not found in scope");
		}
	}
}
