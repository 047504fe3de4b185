package org.tongxin.projects.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.Refused;
import org.tongxin.platform.web.Downloads;
import org.tongxin.platform.web.Redirects;
import org.tongxin.projects.AttachmentId;
import org.tongxin.projects.Evidence;
import org.tongxin.projects.EvidenceFile;
import org.tongxin.projects.KeyProjects;
import org.tongxin.projects.ProgressReport;
import org.tongxin.projects.Project;
import org.tongxin.projects.ProjectId;
import org.tongxin.projects.ReportForm;
import org.tongxin.projects.ReportId;
import org.tongxin.projects.ReportKind;

/**
 * Progress reports: the report form with indicator values and evidence upload, revision of a returned
 * report, return for revision by the level above, and the scoped download of evidence.
 */
@Controller
class ProjectReportController {

	/** Indicator values arrive as fields "value.<indicator id>". */
	static final String VALUE_PREFIX = "value.";

	private final KeyProjects projects;

	private final MessageSource messages;

	ProjectReportController(KeyProjects projects, MessageSource messages) {
		this.projects = projects;
		this.messages = messages;
	}

	@GetMapping("/programme/projects/{id}/reports/new")
	@PreAuthorize("hasAuthority('programme:write')")
	String create(@PathVariable long id, Model model) {
		Project project = projects.get(new ProjectId(id));
		return form(model, project, null, ReportKind.PERIODIC, currentQuarter(), "", Map.of(), null);
	}

	@PostMapping("/programme/projects/{id}/reports")
	@PreAuthorize("hasAuthority('programme:write')")
	String submit(@PathVariable long id, @RequestParam(required = false) @Nullable ReportKind kind,
			@RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable String text,
			@RequestParam Map<String, String> fields,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, Locale locale) {
		Project project = projects.get(new ProjectId(id));
		Map<String, String> entered = values(fields);
		try {
			projects.submitReport(project.id(), new ReportForm(kind, period, text, parse(entered)), evidence(files));
		}
		catch (Refused e) {
			return form(model, project, null, kind, period, text, entered, messages.getMessage(e.key(), e.arguments(), locale));
		}
		return Redirects.saved(redirect, "/programme/projects/" + id + "#reports");
	}

	@GetMapping("/programme/projects/{id}/reports/{report}/revise")
	@PreAuthorize("hasAuthority('programme:write')")
	String revise(@PathVariable long id, @PathVariable long report, Model model) {
		Project project = projects.get(new ProjectId(id));
		ProgressReport existing = report(project, report);
		Map<String, String> entered = new LinkedHashMap<>();
		existing.values().forEach(v -> entered.put(Long.toString(v.indicator().value()), v.value().toPlainString()));
		return form(model, project, existing, existing.kind(), existing.period(), existing.text(), entered, null);
	}

	@PostMapping("/programme/projects/{id}/reports/{report}/revise")
	@PreAuthorize("hasAuthority('programme:write')")
	String revise(@PathVariable long id, @PathVariable long report,
			@RequestParam(required = false) @Nullable ReportKind kind,
			@RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable String text,
			@RequestParam Map<String, String> fields,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, Locale locale) {
		Project project = projects.get(new ProjectId(id));
		ProgressReport existing = report(project, report);
		Map<String, String> entered = values(fields);
		try {
			projects.reviseReport(project.id(), existing.id(), new ReportForm(kind, period, text, parse(entered)),
					evidence(files));
		}
		catch (Refused e) {
			return form(model, project, existing, kind, period, text, entered,
					messages.getMessage(e.key(), e.arguments(), locale));
		}
		return Redirects.saved(redirect, "/programme/projects/" + id + "#reports");
	}

	@PostMapping("/programme/projects/{id}/reports/{report}/return")
	@PreAuthorize("hasAuthority('programme:write')")
	String giveBack(@PathVariable long id, @PathVariable long report, @RequestParam(required = false) @Nullable String comment,
			RedirectAttributes redirect, Locale locale) {
		Project project = projects.get(new ProjectId(id));
		try {
			projects.returnReport(project.id(), new ReportId(report), comment);
			redirect.addFlashAttribute("saved", true);
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", messages.getMessage(e.key(), e.arguments(), locale));
		}
		return "redirect:/programme/projects/" + id + "#reports";
	}

	/**
	 * Evidence, served only through the project's scope, always as a download of the type its bytes were
	 * recognised as, and never sniffed into something else by the browser.
	 */
	@GetMapping("/programme/projects/{id}/attachments/{attachment}")
	@PreAuthorize("hasAuthority('programme:read')")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachment) {
		EvidenceFile file = projects.evidence(new ProjectId(id), new AttachmentId(attachment))
			.orElseThrow(() -> new NotFound("attachment " + attachment));
		return Downloads.attachment(file.contentType(), file.fileName())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.eTag(file.sha256())
			.body(file.bytes());
	}

	private ProgressReport report(Project project, long report) {
		return projects.reports(project.id())
			.stream()
			.filter(r -> r.id().value() == report)
			.findFirst()
			.orElseThrow(() -> new NotFound("report " + report));
	}

	private String form(Model model, Project project, @Nullable ProgressReport report, @Nullable ReportKind kind,
			@Nullable String period, @Nullable String text, Map<String, String> values, @Nullable String problem) {
		model.addAttribute("project", project);
		model.addAttribute("report", report);
		model.addAttribute("indicators", projects.indicators(project.id()));
		model.addAttribute("kinds", ReportKind.values());
		model.addAttribute("kind", kind);
		model.addAttribute("period", period);
		model.addAttribute("text", text);
		model.addAttribute("values", values);
		model.addAttribute("problem", problem);
		model.addAttribute("maxFiles", KeyProjects.MAX_FILES);
		return "programme/projects/report-form";
	}

	/** The indicator fields of the request, by indicator id, as typed (blank ones left out). */
	private static Map<String, String> values(Map<String, String> fields) {
		Map<String, String> values = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (name.startsWith(VALUE_PREFIX) && value != null && !value.isBlank()) {
				values.put(name.substring(VALUE_PREFIX.length()), value.strip());
			}
		});
		return values;
	}

	private static Map<Long, BigDecimal> parse(Map<String, String> entered) {
		Map<Long, BigDecimal> parsed = new LinkedHashMap<>();
		entered.forEach((indicator, value) -> {
			try {
				parsed.put(Long.valueOf(indicator), new BigDecimal(value));
			}
			catch (NumberFormatException e) {
				throw new Refused("report.value.invalid");
			}
		});
		return parsed;
	}

	private static List<Evidence> evidence(@Nullable List<MultipartFile> files) {
		List<Evidence> evidence = new ArrayList<>();
		if (files == null) {
			return evidence;
		}
		for (MultipartFile file : files) {
			if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
				continue;
			}
			try {
				evidence.add(new Evidence(file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
						file.getBytes()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return evidence;
	}

	private String currentQuarter() {
		var today = projects.today();
		return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
	}
}
