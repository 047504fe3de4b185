package org.tongxin.organisations.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
import org.tongxin.organisations.NotFound;
import org.tongxin.organisations.Organisation;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.organisations.Organisations;
import org.tongxin.platform.XlsxExport;
import org.tongxin.platform.tabular.TabularFiles;

/** 成员导入: upload a member list for one organisation, see the outcome, download the error report. */
@Controller
class MemberImportController {

	private final MemberImports imports;

	private final Organisations organisations;

	MemberImportController(MemberImports imports, Organisations organisations) {
		this.imports = imports;
		this.organisations = organisations;
	}

	@GetMapping("/organisations/imports")
	@PreAuthorize("hasAuthority('organisations:read')")
	String list(@RequestParam(required = false) @Nullable Long organisation,
			@RequestParam(required = false) @Nullable Long before, Model model) {
		var page = imports.recent(before, 21);
		boolean more = page.size() > 20;
		var shown = more ? page.subList(0, 20) : page;
		model.addAttribute("imports", shown);
		model.addAttribute("nextBefore", more ? shown.get(shown.size() - 1).id() : null);
		model.addAttribute("before", before);
		model.addAttribute("organisations", organisations.active());
		model.addAttribute("organisation", organisation);
		return "organisations/imports";
	}

	@GetMapping("/organisations/{id}/members/import")
	@PreAuthorize("hasAuthority('organisations:write')")
	String forOrganisation(@PathVariable long id) {
		Organisation organisation = organisations.organisation(new OrganisationId(id))
			.orElseThrow(() -> new NotFound("organisation " + id));
		return "redirect:/organisations/imports?organisation=" + organisation.id();
	}

	@GetMapping("/organisations/imports/template.xlsx")
	@PreAuthorize("hasAuthority('organisations:read')")
	void template(HttpServletResponse response) throws IOException {
		XlsxExport.prepare(response, "成员导入模板");
		response.getOutputStream().write(MemberImports.template());
	}

	@PostMapping("/organisations/imports")
	@PreAuthorize("hasAuthority('organisations:write')")
	String upload(@RequestParam long organisation, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean createUnknown, Model model) throws IOException {
		model.addAttribute("organisations", organisations.active());
		model.addAttribute("organisation", organisation);
		model.addAttribute("imports", imports.recent(null, 20));
		model.addAttribute("nextBefore", null);
		model.addAttribute("before", null);
		if (file.isEmpty()) {
			model.addAttribute("uploadError", "memberImport.file.empty");
			return "organisations/imports";
		}
		Path temp = Files.createTempFile("org-import-", ".upload");
		try {
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
			}
			String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
			MemberImports.Result result = imports.importFile(new OrganisationId(organisation), name, temp, createUnknown);
			model.addAttribute("result", result);
			model.addAttribute("imports", imports.recent(null, 20));
		}
		catch (MemberImports.Unusable e) {
			model.addAttribute("uploadError", e.key());
		}
		catch (TabularFiles.UnreadableFile e) {
			model.addAttribute("uploadError", "memberImport.file.unreadable");
		}
		finally {
			Files.deleteIfExists(temp);
		}
		return "organisations/imports";
	}

	/** The error report (ID and mobile numbers masked); a download is audited as an export. */
	@GetMapping("/organisations/imports/{id}/errors.xlsx")
	@PreAuthorize("hasAuthority('organisations:write')")
	void errors(@PathVariable long id, HttpServletResponse response) throws IOException {
		byte[] report = imports.report(id).orElseThrow(() -> new NotFound("import " + id));
		XlsxExport.prepare(response, "成员导入错误报告-" + id);
		response.getOutputStream().write(report);
	}
}
