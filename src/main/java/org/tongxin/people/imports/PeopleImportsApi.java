package org.tongxin.people.imports;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
import org.tongxin.platform.NotFound;
import org.tongxin.platform.Problems;
import org.tongxin.platform.Refused;
import org.tongxin.platform.StreamedExport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Imports over the API: submit a file, follow the job, fetch its error report. Jobs of other units: 404. */
@RestController
@RequestMapping("/api/v1/people/imports")
class PeopleImportsApi {

	private static final String UNEXPECTED = "jobs.error.unexpected";

	private final PeopleImports imports;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Problems problems;

	private final Clock clock;

	PeopleImportsApi(PeopleImports imports, MessageSource messages, JsonMapper json, Problems problems, Clock clock) {
		this.clock = clock;
		this.imports = imports;
		this.messages = messages;
		this.json = json;
		this.problems = problems;
	}

	/**
	 * @param mode SKIP, UPDATE or FILL_EMPTY, in any case
	 * @param mapping JSON object header → field ({@code {"群体类别":"GROUP","备用电话":"IGNORE"}}) for this file: it
	 * wins over the recognised headers and the unit's saved mapping
	 */
	@PostMapping(consumes = "multipart/form-data")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasAuthority('people:import')")
	Map<String, Object> submit(@RequestParam MultipartFile file,
			@RequestParam(defaultValue = "SKIP") String mode,
			@RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(required = false) @Nullable String mapping) throws IOException {
		ImportMode chosen = choice(ImportMode.class, "mode", mode);
		Map<String, String> headerToField = mapping(mapping);
		String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
		try (InputStream in = file.getInputStream()) {
			UUID id = imports.submit(name, String.valueOf(file.getContentType()), in, chosen, dryRun, headerToField);
			return Map.of("id", id);
		}
	}

	/** The real import of a dry run, from the file the dry run kept, with its mode and mapping. */
	@PostMapping("/{id}/import-for-real")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasAuthority('people:import')")
	Map<String, Object> importForReal(@PathVariable UUID id) {
		imports.find(id).orElseThrow(() -> new NotFound("import", id));
		return Map.of("id", imports.importForReal(id));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('people:import')")
	Map<String, Object> status(@PathVariable UUID id, Locale locale) {
		PeopleImports.ImportJob view = imports.find(id).orElseThrow(() -> new NotFound("import", id));
		Map<String, Object> body = described(view, messages, locale);
		if (view.result() != null) {
			body.put("errors", view.result().errors().stream().map(e -> {
				Map<String, Object> error = new LinkedHashMap<>();
				error.put("row", e.row());
				error.put("column", e.column());
				error.put("value", e.value());
				error.put("code", e.reason());
				error.put("reason", messages.getMessage(e.reason(),
						e.argument() == null ? null : new Object[] { e.argument() }, e.reason(), locale));
				return error;
			}).toList());
		}
		body.put("importForReal", imports.canImportForReal(view)
				? "/api/v1/people/imports/" + view.job().publicId() + "/import-for-real" : null);
		return body;
	}

	/** An enum parameter in any case; an invalid value is refused with the valid ones. */
	static <E extends Enum<E>> E choice(Class<E> type, String parameter, String value) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value.strip())) {
				return constant;
			}
		}
		throw new Refused("import.api.invalidChoice", parameter,
				String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
	}

	private Map<String, String> mapping(@Nullable String mapping) {
		if (mapping == null || mapping.isBlank()) {
			return Map.of();
		}
		JsonNode tree;
		try {
			tree = json.readTree(mapping);
		}
		catch (JacksonException e) {
			throw new Refused("import.api.mappingMalformed");
		}
		if (!tree.isObject()) {
			throw new Refused("import.api.mappingMalformed");
		}
		Map<String, String> headerToField = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : tree.properties()) {
			if (!entry.getValue().isString() && !entry.getValue().isNull()) {
				throw new Refused("import.api.mappingMalformed");
			}
			headerToField.put(entry.getKey(), entry.getValue().isNull() ? "" : entry.getValue().asString());
		}
		return headerToField;
	}

	@GetMapping("/{id}/errors.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('people:import')")
	void errors(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		PeopleImportsController.writeErrorReport(imports, clock, id, response);
	}

	static Map<String, Object> described(PeopleImports.ImportJob view, MessageSource messages, Locale locale) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", view.job().publicId());
		body.put("status", view.job().status().name());
		body.put("file", view.options().fileName());
		body.put("mode", view.options().mode().name());
		body.put("dryRun", view.options().dryRun());
		body.put("requestedMapping", view.options().mapping() == null ? Map.of() : view.options().mapping());
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
			body.put("mapping", view.result().mapping());
			body.put("unusedHeaders", view.result().unknownHeaders());
			body.put("errorReport", view.result().failed() > 0 ? "/api/v1/people/imports/" + view.job().publicId()
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
		Map<String, String> described = new LinkedHashMap<>();
		described.put("code", text == null ? UNEXPECTED : error);
		described.put("detail", text == null ? messages.getMessage(UNEXPECTED, null, locale) : text);
		return described;
	}
}
