package org.tongxin.projects.web;

import static org.tongxin.platform.Texts.blankToNull;
import static org.tongxin.platform.Texts.orEmpty;

import java.io.IOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
import org.tongxin.platform.ConcurrentChange;
import org.tongxin.platform.Exports;
import org.tongxin.platform.PageSize;
import org.tongxin.platform.Refused;
import org.tongxin.platform.Slice;
import org.tongxin.platform.SortOrder;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.UnitPicker;
import org.tongxin.platform.web.Redirects;
import org.tongxin.programme.ProgrammeMap;
import org.tongxin.programme.Site;
import org.tongxin.programme.SiteFilter;
import org.tongxin.projects.IndicatorForm;
import org.tongxin.projects.IndicatorId;
import org.tongxin.projects.KeyProjects;
import org.tongxin.projects.MilestoneForm;
import org.tongxin.projects.MilestoneId;
import org.tongxin.projects.Project;
import org.tongxin.projects.ProjectFilter;
import org.tongxin.projects.ProjectForm;
import org.tongxin.projects.ProjectId;
import org.tongxin.projects.ProjectStatus;

/** Key projects: list, export, detail, create and edit, status, indicators and milestones — in the user's scope. */
@Controller
class ProjectController {

	static final int PAGE_SIZE = 20;

	/** Dates and times are shown as they are in China, where the work happens. */

	private final KeyProjects projects;

	private final ProgrammeMap programme;

	private final MessageSource messages;

	private final Clock clock;

	private final Exports exports;

	ProjectController(KeyProjects projects, ProgrammeMap programme, MessageSource messages, Clock clock,
			Exports exports) {
		this.exports = exports;
		this.clock = clock;
		this.projects = projects;
		this.programme = programme;
		this.messages = messages;
	}

	/** A timeline line as shown: local time, the message kind and its already translated detail. */
	record TimelineLine(ZonedDateTime at, String kind, String detail, @Nullable String actor) {
	}

	/** A row of the list: the project with its progress and overdue milestones. */
	record Row(Project project, @Nullable Integer progress, long overdue) {
	}

	@GetMapping("/programme/projects")
	@PreAuthorize("hasAuthority('programme:read')")
	String list(@RequestParam(required = false) @Nullable Long batch, @RequestParam(required = false) @Nullable Long city,
			@RequestParam(required = false) @Nullable ProjectStatus status,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long before,
			@RequestParam(required = false) @Nullable String sort, Model model) {
		ProjectFilter filter = filter(batch, city, status, q);
		SortOrder order = SortOrder.chosen(sort, KeyProjects.projectSorts());
		Slice<Project> slice = Slice.of(limit -> projects.projects(filter, order, before, limit),
				PageSize.chosen(PAGE_SIZE),
				last -> last.id().value());
		List<Project> shown = slice.items();
		List<ProjectId> ids = shown.stream().map(Project::id).toList();
		Map<ProjectId, Integer> progress = projects.progress(ids);
		Map<Long, Long> overdue = projects.overdueCounts(ids);
		model.addAttribute("rows", shown.stream()
			.map(p -> new Row(p, progress.get(p.id()), overdue.getOrDefault(p.id().value(), 0L)))
			.toList());
		model.addAttribute("nextBefore", slice.next());
		model.addAttribute("total", projects.countProjects(filter));
		model.addAttribute("batches", projects.batches());
		model.addAttribute("cities", projects.projectCities());
		model.addAttribute("statuses", ProjectStatus.values());
		model.addAttribute("batch", batch);
		model.addAttribute("city", city);
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		return "programme/projects/list";
	}

	@GetMapping("/programme/projects/export.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('programme:read')")
	void export(@RequestParam(required = false) @Nullable Long batch, @RequestParam(required = false) @Nullable Long city,
			@RequestParam(required = false) @Nullable ProjectStatus status,
			@RequestParam(required = false) @Nullable String q, Locale locale, HttpServletResponse response)
			throws IOException {
		ProjectFilter filter = filter(batch, city, status, q);
		var download = exports
			.xlsx(response, "project.file", "project.sheet", Exports.columns("project.", "batch", "title", "carrier",
					"place", "targetGroups", "status", "startsOn", "endsOn", "budget", "responsiblePersons",
					"partnerUnits"))
			.audited("programme-project", null, Map.of("rows", projects.countProjects(filter)));
		projects.exportProjects(filter, rows -> download.write(rows.map(p -> List.of(p.batchNumber(), p.title(),
				orEmpty(p.carrier()), p.place(),
				p.targetGroups().stream().map(g -> text("targetGroup." + g, locale)).collect(Collectors.joining("、")),
				text("project.status." + p.status(), locale), p.startsOn() == null ? "" : p.startsOn().toString(),
				p.endsOn() == null ? "" : p.endsOn().toString(), p.budget() == null ? "" : p.budget(),
				orEmpty(p.responsiblePersons()), orEmpty(p.partnerUnits())))));
	}

	@GetMapping("/programme/projects/{id}")
	@PreAuthorize("hasAuthority('programme:read')")
	String detail(@PathVariable long id, Model model, Locale locale) {
		Project project = projects.get(new ProjectId(id));
		model.addAttribute("project", project);
		model.addAttribute("batch", projects.batch(project.batch()).orElseThrow());
		model.addAttribute("sites", project.sites().stream().map(programme::site).flatMap(java.util.Optional::stream).toList());
		var indicators = projects.indicators(project.id());
		model.addAttribute("indicators", indicators);
		model.addAttribute("progress", org.tongxin.projects.Indicator.progress(indicators));
		model.addAttribute("milestones", projects.milestones(project.id()));
		model.addAttribute("today", projects.today());
		model.addAttribute("reports", projects.reports(project.id()));
		model.addAttribute("timeline", timeline(project, locale));
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("mayReturn", projects.mayReturnReports(project));
		model.addAttribute("statuses", ProjectStatus.values());
		if (!model.containsAttribute("indicatorForm")) {
			model.addAttribute("indicatorForm", IndicatorForm.empty());
		}
		if (!model.containsAttribute("milestoneForm")) {
			model.addAttribute("milestoneForm", MilestoneForm.empty());
		}
		return "programme/projects/detail";
	}

	@GetMapping("/programme/projects/new")
	@PreAuthorize("hasAuthority('programme:write')")
	String create(@RequestParam(required = false) @Nullable Long city, Model model) {
		return form(model, ProjectForm.empty(), city, null);
	}

	@PostMapping("/programme/projects")
	@PreAuthorize("hasAuthority('programme:write')")
	String create(@Valid @ModelAttribute("form") ProjectForm form, BindingResult errors,
			@RequestParam(required = false) @Nullable Long city, Model model, RedirectAttributes redirect,
			Locale locale) {
		if (errors.hasErrors()) {
			return form(model, form, city, null);
		}
		try {
			Project project = projects.createProject(form);
			return Redirects.saved(redirect, "/programme/projects/" + project.id());
		}
		catch (Refused e) {
			errors.reject(e.key(), e.arguments(), e.key());
			return form(model, form, city, null);
		}
	}

	@GetMapping("/programme/projects/{id}/edit")
	@PreAuthorize("hasAuthority('programme:write')")
	String edit(@PathVariable long id, Model model) {
		Project project = projects.get(new ProjectId(id));
		return form(model, ProjectForm.of(project), project.city().value(), project);
	}

	@PostMapping("/programme/projects/{id}")
	@PreAuthorize("hasAuthority('programme:write')")
	String update(@PathVariable long id, @RequestParam int version, @Valid @ModelAttribute("form") ProjectForm form,
			BindingResult errors, @RequestParam(required = false) @Nullable Long city, Model model,
			RedirectAttributes redirect) {
		Project project = projects.get(new ProjectId(id));
		if (errors.hasErrors()) {
			return form(model, form, city, project);
		}
		try {
			projects.updateProject(project.id(), version, form);
		}
		catch (ConcurrentChange e) {
			errors.reject("project.concurrent");
			return form(model, form, city, project);
		}
		catch (Refused e) {
			errors.reject(e.key(), e.arguments(), e.key());
			return form(model, form, city, project);
		}
		return Redirects.saved(redirect, "/programme/projects/" + id);
	}

	@PostMapping("/programme/projects/{id}/status")
	@PreAuthorize("hasAuthority('programme:write')")
	String status(@PathVariable long id, @RequestParam ProjectStatus status, RedirectAttributes redirect) {
		projects.changeStatus(projects.get(new ProjectId(id)).id(), status);
		return Redirects.saved(redirect, "/programme/projects/" + id);
	}

	@PostMapping("/programme/projects/{id}/indicators")
	@PreAuthorize("hasAuthority('programme:write')")
	String addIndicator(@PathVariable long id, @Valid @ModelAttribute("indicatorForm") IndicatorForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, Locale locale) {
		return addToDetail(id, errors, model, locale, redirect, project -> projects.addIndicator(project, form),
				"#indicators");
	}

	@PostMapping("/programme/projects/{id}/indicators/{indicator}/delete")
	@PreAuthorize("hasAuthority('programme:write')")
	String removeIndicator(@PathVariable long id, @PathVariable long indicator, RedirectAttributes redirect,
			Locale locale) {
		try {
			projects.removeIndicator(projects.get(new ProjectId(id)).id(), new IndicatorId(indicator));
			redirect.addFlashAttribute("saved", true);
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", messages.getMessage(e.key(), e.arguments(), locale));
		}
		return "redirect:/programme/projects/" + id + "#indicators";
	}

	@PostMapping("/programme/projects/{id}/milestones")
	@PreAuthorize("hasAuthority('programme:write')")
	String addMilestone(@PathVariable long id, @Valid @ModelAttribute("milestoneForm") MilestoneForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, Locale locale) {
		return addToDetail(id, errors, model, locale, redirect, project -> projects.addMilestone(project, form),
				"#milestones");
	}

	@PostMapping("/programme/projects/{id}/milestones/{milestone}/done")
	@PreAuthorize("hasAuthority('programme:write')")
	String milestoneDone(@PathVariable long id, @PathVariable long milestone, @RequestParam boolean done,
			RedirectAttributes redirect) {
		projects.completeMilestone(projects.get(new ProjectId(id)).id(), new MilestoneId(milestone), done);
		return Redirects.saved(redirect, "/programme/projects/" + id + "#milestones");
	}

	/**
	 * A form of the detail page (an indicator, a milestone): its part added to the project and the page shown at
	 * {@code section}, or the page shown again with the form's errors.
	 */
	private String addToDetail(long id, BindingResult errors, Model model, Locale locale, RedirectAttributes redirect,
			Consumer<ProjectId> add, String section) {
		Project project = projects.get(new ProjectId(id));
		if (errors.hasErrors()) {
			return detail(id, model, locale);
		}
		add.accept(project.id());
		return Redirects.saved(redirect, "/programme/projects/" + id + section);
	}

	private String form(Model model, ProjectForm form, @Nullable Long city, @Nullable Project project) {
		UnitPicker picker = programme.unitPicker(city);
		model.addAttribute("form", form);
		model.addAttribute("project", project);
		model.addAttribute("picker", picker);
		model.addAttribute("batches", projects.batches());
		model.addAttribute("groups", TargetGroup.values());
		List<Site> sites = programme.sites(new SiteFilter(null, null, null, false), null, 500);
		model.addAttribute("sites", sites);
		return "programme/projects/form";
	}

	/** Statuses and report kinds in the timeline are names; they are shown in the user's language. */
	private List<TimelineLine> timeline(Project project, Locale locale) {
		return projects.timeline(project.id()).stream().map(e -> {
			String detail = e.detail() == null ? "" : e.detail();
			if (e.kind().equals("CREATED") || e.kind().equals("STATUS")) {
				detail = text("project.status." + detail, locale);
			}
			else if (detail.equals("PERIODIC") || detail.equals("AD_HOC")) {
				detail = text("report.kind." + detail, locale);
			}
			return new TimelineLine(e.at().atZone(clock.getZone()), e.kind(), detail, e.actor());
		}).toList();
	}

	private static ProjectFilter filter(@Nullable Long batch, @Nullable Long city, @Nullable ProjectStatus status,
			@Nullable String q) {
		return new ProjectFilter(batch, city, status, blankToNull(q));
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
