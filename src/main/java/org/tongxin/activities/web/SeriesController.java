package org.tongxin.activities.web;

import static org.tongxin.platform.Texts.blankToNull;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.tongxin.activities.Activities;
import org.tongxin.activities.ActivityFigures;
import org.tongxin.activities.EventFilter;
import org.tongxin.activities.Series;
import org.tongxin.activities.SeriesForm;
import org.tongxin.activities.SeriesId;
import org.tongxin.organisations.OrganisationSummary;
import org.tongxin.platform.ConcurrentChange;
import org.tongxin.platform.Exports;
import org.tongxin.platform.PageSize;
import org.tongxin.platform.Refused;
import org.tongxin.platform.Slice;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.web.ListPages;
import org.tongxin.platform.web.Redirects;
import org.tongxin.projects.KeyProjects;
import org.tongxin.projects.Project;
import org.tongxin.projects.ProjectFilter;

/** Brand series (工作品牌): list, detail with its events and figures, create, edit. */
@Controller
class SeriesController {

	static final int PAGE_SIZE = 20;

	private final Activities activities;

	private final ActivityFigures figures;

	private final KeyProjects projects;

	private final MessageSource messages;

	private final Exports exports;

	SeriesController(Activities activities, ActivityFigures figures, KeyProjects projects,
			MessageSource messages, Exports exports) {
		this.exports = exports;
		this.activities = activities;
		this.figures = figures;
		this.projects = projects;
		this.messages = messages;
	}

	@GetMapping("/activities/series")
	@PreAuthorize("hasAuthority('activities:read')")
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long before,
			Model model) {
		ListPages.show(model, "series", Slice.of(limit -> activities.seriesPage(blankToNull(q), before, limit),
				PageSize.chosen(PAGE_SIZE), last -> last.id().value()));
		model.addAttribute("q", q);
		return "activities/series-list";
	}

	@GetMapping("/activities/series/export.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('activities:read')")
	void export(Locale locale, HttpServletResponse response) throws IOException {
		List<Series> all = activities.allSeries();
		exports
			.xlsx(response, "activities.series.file", "activities.series.title",
					Exports.columns("activities.series.", "name", "unit", "organisations", "events", "description"))
			.audited(Activities.AUDIT_SERIES, null, Map.of("rows", all.size()))
			.write(all.stream().map(s -> List.of(s.name(), s.unitName(), organisationNames(s), s.events(),
					Forms.nz(s.description()))));
	}

	@GetMapping("/activities/series/{id}")
	@PreAuthorize("hasAuthority('activities:read')")
	String detail(@PathVariable long id, Model model) {
		Series series = activities.getSeries(new SeriesId(id));
		model.addAttribute("s", series);
		model.addAttribute("organisationNames", organisationNames(series));
		model.addAttribute("project", series.project() == null ? null
				: projects.project(series.project()).map(Project::title).orElse(null));
		model.addAttribute("events", activities.events(new EventFilter(null, id, null, null, null, null), null, 200));
		model.addAttribute("figures", figures.ofSeries(series.id()));
		return "activities/series";
	}

	@GetMapping("/activities/series/new")
	@PreAuthorize("hasAuthority('activities:write')")
	String create(Model model) {
		return form(model, SeriesForm.empty(), null);
	}

	@PostMapping("/activities/series")
	@PreAuthorize("hasAuthority('activities:write')")
	String create(@Valid @ModelAttribute("form") SeriesForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return form(model, form, null);
		}
		try {
			Series series = activities.createSeries(form);
			return Redirects.saved(redirect, "/activities/series/" + series.id());
		}
		catch (Refused e) {
			Forms.reject(e, errors);
			return form(model, form, null);
		}
	}

	@GetMapping("/activities/series/{id}/edit")
	@PreAuthorize("hasAuthority('activities:write')")
	String edit(@PathVariable long id, Model model) {
		Series series = activities.getSeries(new SeriesId(id));
		return form(model, SeriesForm.of(series), series);
	}

	@PostMapping("/activities/series/{id}")
	@PreAuthorize("hasAuthority('activities:write')")
	String update(@PathVariable long id, @RequestParam int version, @Valid @ModelAttribute("form") SeriesForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		Series series = activities.getSeries(new SeriesId(id));
		if (errors.hasErrors()) {
			return form(model, form, series);
		}
		try {
			activities.updateSeries(series.id(), version, form);
		}
		catch (Refused e) {
			Forms.reject(e, errors);
			return form(model, form, series);
		}
		catch (ConcurrentChange e) {
			errors.reject("activities.concurrent");
			return form(model, form, series);
		}
		return Redirects.saved(redirect, "/activities/series/" + id);
	}

	private String form(Model model, SeriesForm form, @Nullable Series series) {
		model.addAttribute("form", form);
		model.addAttribute("s", series);
		model.addAttribute("organisations", activities.organisations());
		model.addAttribute("projects", projects.projects(ProjectFilter.none(), null, 500));
		return "activities/series-form";
	}

	private String organisationNames(Series series) {
		return String.join("、", series.organisations()
			.stream()
			.map(o -> activities.organisation(o).map(OrganisationSummary::name).orElse(null))
			.filter(java.util.Objects::nonNull)
			.toList());
	}

	private String text(String key, Locale locale) {
		return Forms.text(messages, key, locale);
	}
}
