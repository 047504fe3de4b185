package org.tongxin.organisations.imports;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
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
import org.tongxin.organisations.Organisation;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.organisations.Organisations;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.PageCursor;
import org.tongxin.platform.PageSize;
import org.tongxin.platform.Refused;
import org.tongxin.platform.Slice;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.XlsxExport;
import org.tongxin.platform.web.ListPages;

/** 成员导入: upload a member list for one organisation, see the outcome, download the error report. */
@Controller
class MemberImportController {

	private final MemberImports imports;

	private final Organisations organisations;

	private final Clock clock;

	MemberImportController(MemberImports imports, Organisations organisations, Clock clock) {
		this.clock = clock;
		this.imports = imports;
		this.organisations = organisations;
	}

	/** The imports of the caller's scope; with {@code job}, one import's progress and then its outcome on top. */
	@GetMapping("/organisations/imports")
	@PreAuthorize("hasAuthority('organisations:read')")
	String list(@RequestParam(required = false) @Nullable Long organisation,
			@RequestParam(required = false) @Nullable String before, @RequestParam(required = false) @Nullable UUID job,
			Model model) {
		if (job != null) {
			MemberImports.ImportJob view = find(job);
			model.addAttribute("view", view);
			model.addAttribute("job", view.job());
		}
		recent(before, model);
		model.addAttribute("unfinished", imports.unfinished().stream().filter(i -> job == null || !i.job().publicId().equals(job)).toList());
		model.addAttribute("organisations", organisations.active());
		model.addAttribute("organisation", organisation);
		return "organisations/imports";
	}

	/**
	 * An import's outcome, polled until its job is done; then it carries no trigger, polling stops, and the list of
	 * recent imports (which now holds it) is swapped in as well.
	 */
	@GetMapping("/organisations/imports/jobs/{id}/result")
	@PreAuthorize("hasAuthority('organisations:read')")
	String result(@PathVariable UUID id, Model model) {
		MemberImports.ImportJob view = find(id);
		model.addAttribute("view", view);
		if (view.job().status().finished()) {
			recent(null, model);
			model.addAttribute("oob", true);
			return "organisations/imports-finished :: finished";
		}
		return "organisations/imports :: job-result";
	}

	@GetMapping("/organisations/{id}/members/import")
	@PreAuthorize("hasAuthority('organisations:write')")
	String forOrganisation(@PathVariable long id) {
		Organisation organisation = organisations.organisation(new OrganisationId(id))
			.orElseThrow(() -> new NotFound("organisation " + id));
		return "redirect:/organisations/imports?organisation=" + organisation.id();
	}

	@GetMapping("/organisations/imports/template.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('organisations:read')")
	void template(HttpServletResponse response) throws IOException {
		XlsxExport.prepare(response, "成员导入模板", clock);
		response.getOutputStream().write(MemberImports.template());
	}

	/** Queues the import and shows it on the imports page, where its progress bar runs until it is done. */
	@PostMapping("/organisations/imports")
	@PreAuthorize("hasAuthority('organisations:write')")
	String upload(@RequestParam long organisation, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean createUnknown, Model model) throws IOException {
		if (!file.isEmpty()) {
			String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
			try (InputStream in = file.getInputStream()) {
				UUID id = imports.submit(new OrganisationId(organisation), name, String.valueOf(file.getContentType()),
						in, createUnknown);
				return "redirect:/organisations/imports?organisation=" + organisation + "&job=" + id;
			}
			catch (Refused e) {
				model.addAttribute("uploadError", e.key());
			}
		}
		else {
			model.addAttribute("uploadError", "memberImport.file.empty");
		}
		recent(null, model);
		model.addAttribute("organisations", organisations.active());
		model.addAttribute("organisation", organisation);
		return "organisations/imports";
	}

	/** The error report (ID and mobile numbers masked); a download is audited as an export. */
	@GetMapping("/organisations/imports/{id}/errors.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('organisations:write')")
	void errors(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		byte[] report = imports.report(id).orElseThrow(() -> new NotFound("import " + id));
		XlsxExport.prepare(response, "成员导入错误报告-" + id, clock);
		response.getOutputStream().write(report);
	}

	private void recent(@Nullable String before, Model model) {
		PageCursor cursor = PageCursor.parse(before).orElse(null);
		ListPages.show(model, "imports", Slice.of(limit -> imports.recent(cursor, limit), PageSize.chosen(20),
				last -> new PageCursor(last.createdAt().toInstant(), last.id()).encode()));
	}

	private MemberImports.ImportJob find(UUID job) {
		return imports.find(job).orElseThrow(() -> new NotFound("import job " + job));
	}
}
