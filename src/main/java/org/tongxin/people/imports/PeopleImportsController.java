package org.tongxin.people.imports;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.tongxin.platform.Conflict;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.PageCursor;
import org.tongxin.platform.PageSize;
import org.tongxin.platform.Slice;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.XlsxExport;
import org.tongxin.platform.jobs.StoredFile;
import org.tongxin.platform.web.ListPages;

/** The import page: upload, the list of imports, one import's progress, counts and error report. */
@Controller
class PeopleImportsController {

	static final int PAGE_SIZE = 20;

	private final PeopleImports imports;

	private final long keptHours;

	private final Clock clock;

	PeopleImportsController(PeopleImports imports,
			@org.springframework.beans.factory.annotation.Value("${tongxin.people.imports.dry-run-kept-for:24h}") java.time.Duration kept, Clock clock) {
		this.clock = clock;
		this.imports = imports;
		this.keptHours = kept.toHours();
	}

	@GetMapping("/people/imports")
	@PreAuthorize("hasAuthority('people:import')")
	String list(@RequestParam(required = false) @Nullable String before, Model model) {
		PageCursor cursor = PageCursor.parse(before).orElse(null);
		ListPages.show(model, "imports", Slice.of(limit -> imports.recent(cursor, limit), PageSize.chosen(PAGE_SIZE),
				last -> new PageCursor(last.job().createdAt(), last.job().publicId()).encode()), "next");
		model.addAttribute("modes", ImportMode.values());
		model.addAttribute("saved", imports.savedMapping());
		return "people/imports/list";
	}

	@PostMapping("/people/imports")
	@PreAuthorize("hasAuthority('people:import')")
	String submit(@RequestParam MultipartFile file, @RequestParam(defaultValue = "SKIP") ImportMode mode,
			@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		if (file.isEmpty()) {
			return "redirect:/people/imports?empty";
		}
		String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
		try (InputStream in = file.getInputStream()) {
			UUID id = imports.submit(name, String.valueOf(file.getContentType()), in, mode, dryRun);
			return "redirect:/people/imports/" + id;
		}
	}

	@GetMapping("/people/imports/{id}")
	@PreAuthorize("hasAuthority('people:import')")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("job", job(id, model).job());
		return "people/imports/show";
	}

	/** The dry run's real import, from the file it kept: no second upload. */
	@PostMapping("/people/imports/{id}/import-for-real")
	@PreAuthorize("hasAuthority('people:import')")
	String importForReal(@PathVariable UUID id) {
		find(id);
		try {
			return "redirect:/people/imports/" + imports.importForReal(id);
		}
		catch (Conflict e) {
			return "redirect:/people/imports/" + id + "?forRealGone";
		}
	}

	/** What the job's page and its polled result panel show: the job, the fields and whether to import for real. */
	private PeopleImports.ImportJob job(UUID id, Model model) {
		PeopleImports.ImportJob view = find(id);
		model.addAttribute("view", view);
		model.addAttribute("fields", imports.fields());
		model.addAttribute("canImportForReal", imports.canImportForReal(view));
		model.addAttribute("keptHours", keptHours);
		return view;
	}

	/** The result panel, polled until the job is done; then it carries no trigger and polling stops. */
	@GetMapping("/people/imports/{id}/result")
	@PreAuthorize("hasAuthority('people:import')")
	String result(@PathVariable UUID id, Model model) {
		job(id, model);
		return "people/imports/show :: result";
	}

	@GetMapping("/people/imports/{id}/errors.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('people:import')")
	void errors(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		writeErrorReport(imports, clock, id, response);
	}

	/** The rows an import refused, with the reasons, as the spreadsheet the screen and the API both offer. */
	static void writeErrorReport(PeopleImports imports, Clock clock, UUID id, HttpServletResponse response)
			throws IOException {
		StoredFile file = imports.errors(id).orElseThrow(() -> new NotFound("import", id));
		XlsxExport.prepare(response, "导入错误报告-" + id, clock);
		try (InputStream in = imports.open(file)) {
			in.transferTo(response.getOutputStream());
		}
	}

	@GetMapping("/people/imports/template.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('people:import')")
	void template(HttpServletResponse response) throws IOException {
		XlsxExport.prepare(response, "人士信息导入模板", clock);
		imports.template(response.getOutputStream());
	}

	/** Saves the user's choices for the headers the import did not know: header[i] → field[i]. */
	@PostMapping("/people/imports/{id}/mapping")
	@PreAuthorize("hasAuthority('people:import')")
	String saveMapping(@PathVariable UUID id, @RequestParam(name = "header", required = false) List<String> headers,
			@RequestParam(name = "field", required = false) List<String> fields) {
		find(id);
		Map<String, String> mapping = new LinkedHashMap<>();
		if (headers != null && fields != null) {
			for (int i = 0; i < Math.min(headers.size(), fields.size()); i++) {
				if (!fields.get(i).isBlank()) {
					mapping.put(headers.get(i), fields.get(i));
				}
			}
		}
		imports.saveMapping(mapping);
		return "redirect:/people/imports/" + id + "?mappingSaved";
	}

	private PeopleImports.ImportJob find(UUID id) {
		return imports.find(id).orElseThrow(() -> new NotFound("import", id));
	}
}
