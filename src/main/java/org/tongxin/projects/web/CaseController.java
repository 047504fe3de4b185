package org.tongxin.projects.web;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.platform.Exports;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.PageSize;
import org.tongxin.platform.Refused;
import org.tongxin.platform.Slice;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.web.Downloads;
import org.tongxin.platform.web.ListPages;
import org.tongxin.platform.web.Redirects;
import org.tongxin.programme.SiteKind;
import org.tongxin.projects.AttachmentId;
import org.tongxin.projects.CaseFilter;
import org.tongxin.projects.CaseForm;
import org.tongxin.projects.CaseId;
import org.tongxin.projects.EvidenceFile;
import org.tongxin.projects.ExemplaryCase;
import org.tongxin.projects.ExemplaryCases;
import org.tongxin.projects.ProjectId;

/** The exemplary-case library: search, read, promote and publish (central office), adopt (cities). */
@Controller
class CaseController {

	static final int PAGE_SIZE = 20;

	private final ExemplaryCases cases;

	private final MessageSource messages;

	private final Clock clock;

	private final Exports exports;

	CaseController(ExemplaryCases cases, MessageSource messages, Clock clock, Exports exports) {
		this.exports = exports;
		this.clock = clock;
		this.cases = cases;
		this.messages = messages;
	}

	@GetMapping("/programme/cases")
	@PreAuthorize("hasAnyAuthority('programme:read', 'case:publish')")
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable TargetGroup group,
			@RequestParam(required = false) @Nullable SiteKind kind,
			@RequestParam(required = false) @Nullable String mechanism,
			@RequestParam(required = false) @Nullable Long before, Model model) {
		CaseFilter filter = new CaseFilter(q, group, kind, mechanism);
		ListPages.show(model, "cases", Slice.of(limit -> cases.search(filter, before, limit), PageSize.chosen(PAGE_SIZE),
				last -> last.id().value()));
		model.addAttribute("total", cases.count(filter));
		model.addAttribute("mechanisms", cases.mechanisms());
		model.addAttribute("groups", TargetGroup.values());
		model.addAttribute("kinds", SiteKind.values());
		model.addAttribute("q", q);
		model.addAttribute("group", group);
		model.addAttribute("kind", kind);
		model.addAttribute("mechanism", mechanism);
		return "programme/cases/list";
	}

	@GetMapping("/programme/cases/export.xlsx")
	@StreamedExport
	@PreAuthorize("hasAnyAuthority('programme:read', 'case:publish')")
	void export(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable TargetGroup group,
			@RequestParam(required = false) @Nullable SiteKind kind,
			@RequestParam(required = false) @Nullable String mechanism, Locale locale, HttpServletResponse response)
			throws IOException {
		CaseFilter filter = new CaseFilter(q, group, kind, mechanism);
		List<ExemplaryCase> rows = cases.search(filter, null, Integer.MAX_VALUE);
		exports
			.xlsx(response, "case.file", "case.sheet", Exports.columns("case.", "title", "place", "summary",
					"successFactors", "replication", "groups", "kinds", "mechanisms", "adoptions"))
			.audited("programme-case", null, Map.of("rows", rows.size()))
			.write(rows.stream().map(c -> List.of(c.title(), c.place(), c.summary(), c.successFactors(),
				c.replication(),
					c.targetGroups().stream().map(g -> text("case.group." + g,
							locale)).collect(Collectors.joining("、")),
					c.siteKinds().stream().map(k -> text("site.kind." + k, locale)).collect(Collectors.joining("、")),
					String.join("、", c.mechanisms()), c.adoptions())));
	}

	@GetMapping("/programme/cases/{id}")
	@PreAuthorize("hasAnyAuthority('programme:read', 'case:publish')")
	String detail(@PathVariable long id, Model model) {
		CaseId caseId = new CaseId(id);
		model.addAttribute("c", cases.get(caseId));
		model.addAttribute("adoptions", cases.adoptions(caseId));
		model.addAttribute("evidence", cases.evidence(caseId));
		model.addAttribute("mayAdopt", cases.mayAdopt());
		model.addAttribute("adopted", cases.adoptedByMe(caseId));
		model.addAttribute("zone", clock.getZone());
		return "programme/cases/case";
	}

	@GetMapping("/programme/cases/new")
	@PreAuthorize("hasAuthority('case:publish')")
	String create(@RequestParam(required = false) @Nullable Long project, Model model) {
		CaseForm form = project == null ? new CaseForm(null, null, null, null, null, List.of(), List.of(), null, List.of())
				: CaseForm.forProject(cases.candidate(new ProjectId(project)));
		return form(model, form, null);
	}

	@PostMapping("/programme/cases")
	@PreAuthorize("hasAuthority('case:publish')")
	String create(@Valid @ModelAttribute("form") CaseForm form, BindingResult errors, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return form(model, form, null);
		}
		try {
			ExemplaryCase created = cases.promote(form);
			return Redirects.saved(redirect, "/programme/cases/" + created.id());
		}
		catch (Refused e) {
			model.addAttribute("error", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
			return form(model, form, null);
		}
	}

	@GetMapping("/programme/cases/{id}/edit")
	@PreAuthorize("hasAuthority('case:publish')")
	String edit(@PathVariable long id, Model model) {
		ExemplaryCase c = cases.get(new CaseId(id));
		List<Long> evidence = cases.evidence(c.id()).stream().map(a -> a.id().value()).toList();
		return form(model, CaseForm.of(c, evidence), c);
	}

	@PostMapping("/programme/cases/{id}")
	@PreAuthorize("hasAuthority('case:publish')")
	String update(@PathVariable long id, @RequestParam int version, @Valid @ModelAttribute("form") CaseForm form,
			BindingResult errors, Model model, Locale locale, RedirectAttributes redirect) {
		ExemplaryCase c = cases.get(new CaseId(id));
		if (errors.hasErrors()) {
			return form(model, form, c);
		}
		try {
			cases.update(c.id(), version, form);
		}
		catch (Refused e) {
			model.addAttribute("error", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
			return form(model, form, c);
		}
		return Redirects.saved(redirect, "/programme/cases/" + id);
	}

	@PostMapping("/programme/cases/{id}/publish")
	@PreAuthorize("hasAuthority('case:publish')")
	String publish(@PathVariable long id, @RequestParam boolean published, RedirectAttributes redirect) {
		cases.publish(new CaseId(id), published);
		return Redirects.saved(redirect, "/programme/cases/" + id);
	}

	@PostMapping("/programme/cases/{id}/adoption")
	@PreAuthorize("hasAuthority('programme:write')")
	String adopt(@PathVariable long id, @RequestParam(required = false) @Nullable String note, Locale locale,
			RedirectAttributes redirect) {
		try {
			cases.adopt(new CaseId(id), note);
			redirect.addFlashAttribute("saved", true);
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
		}
		return "redirect:/programme/cases/" + id;
	}

	@PostMapping("/programme/cases/{id}/adoption/delete")
	@PreAuthorize("hasAuthority('programme:write')")
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		cases.withdraw(new CaseId(id));
		return Redirects.saved(redirect, "/programme/cases/" + id);
	}

	@GetMapping("/programme/cases/{id}/evidence/{attachment}")
	@PreAuthorize("hasAnyAuthority('programme:read', 'case:publish')")
	ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long attachment) {
		EvidenceFile file = cases.evidenceFile(new CaseId(id), new AttachmentId(attachment))
			.orElseThrow(() -> new NotFound("evidence " + attachment));
		return Downloads.attachment(file.contentType(), file.fileName()).body(file.bytes());
	}

	private String form(Model model, CaseForm form, @Nullable ExemplaryCase existing) {
		model.addAttribute("form", form);
		model.addAttribute("existing", existing);
		model.addAttribute("candidates", existing == null ? cases.candidates() : List.of());
		model.addAttribute("linkable", form.project() == null ? List.of()
				: cases.linkableEvidence(new ProjectId(form.project())));
		model.addAttribute("groups", TargetGroup.values());
		model.addAttribute("kinds", SiteKind.values());
		return "programme/cases/form";
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
