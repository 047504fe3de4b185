package org.tongxin.projects.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.UnitId;
import org.tongxin.projects.KeyProjects;
import org.tongxin.projects.Project;
import org.tongxin.projects.ProjectFilter;
import org.tongxin.projects.ProjectId;
import org.tongxin.projects.ProjectStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key-project dashboard. Every figure is counted in the caller's scope: the central office sees the
 * whole programme by batch, status and city; a city or district sees its own projects.
 */
@Controller
class ProjectDashboardController {

	/** Enough for any one unit's own projects; the central view works from the counts, not this list. */
	static final int OWN_PROJECTS = 200;

	private final KeyProjects projects;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final JsonMapper json;

	ProjectDashboardController(KeyProjects projects, CurrentUser currentUser, MessageSource messages, JsonMapper json) {
		this.projects = projects;
		this.currentUser = currentUser;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/programme/projects/dashboard")
	@PreAuthorize("hasAuthority('programme:read')")
	String dashboard(Model model, Locale locale) {
		boolean central = currentUser.actor().unit().equals(UnitId.CENTRAL);
		Map<Integer, Map<ProjectStatus, Long>> byBatch = projects.countsByBatchAndStatus();
		Map<String, Long> byCity = projects.countsByCity();
		Map<String, Long> achievement = projects.achievement();
		long total = byBatch.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
		model.addAttribute("central", central);
		model.addAttribute("total", total);
		// Keyed by status name: templates index maps with the names.
		Map<Integer, Map<String, Long>> table = new java.util.LinkedHashMap<>();
		Map<String, Long> statusTotals = new java.util.LinkedHashMap<>();
		byBatch.forEach((batch, counts) -> {
			Map<String, Long> row = new java.util.LinkedHashMap<>();
			counts.forEach((status, n) -> {
				row.put(status.name(), n);
				statusTotals.merge(status.name(), n, Long::sum);
			});
			table.put(batch, row);
		});
		model.addAttribute("byBatch", table);
		model.addAttribute("statusTotals", statusTotals);
		model.addAttribute("statuses", ProjectStatus.values());
		model.addAttribute("byCity", byCity);
		model.addAttribute("achievement", achievement);
		model.addAttribute("overdue", projects.overdueMilestones(50));
		model.addAttribute("overdueCount", projects.countOverdueMilestones());
		model.addAttribute("batchChart", json.writeValueAsString(batchChart(byBatch, locale)));
		model.addAttribute("cityChart", json.writeValueAsString(Map.of("categories", List.copyOf(byCity.keySet()),
				"series", List.of(Map.of("name", text("project.dashboard.projects", locale), "data",
						List.copyOf(byCity.values()))))));
		model.addAttribute("achievementChart", json.writeValueAsString(Map.of("categories",
				achievement.keySet().stream().map(bucket -> bucket + "%").toList(), "series",
				List.of(Map.of("name", text("project.dashboard.indicators", locale), "data",
						List.copyOf(achievement.values()))))));
		if (!central) {
			List<Project> own = projects.projects(ProjectFilter.none(), null, OWN_PROJECTS);
			List<ProjectId> ids = own.stream().map(Project::id).toList();
			Map<ProjectId, Integer> progress = projects.progress(ids);
			Map<Long, Long> overdue = projects.overdueCounts(ids);
			model.addAttribute("rows", own.stream()
				.map(p -> new ProjectController.Row(p, progress.get(p.id()), overdue.getOrDefault(p.id().value(), 0L)))
				.toList());
		}
		return "programme/projects/dashboard";
	}

	private Map<String, Object> batchChart(Map<Integer, Map<ProjectStatus, Long>> byBatch, Locale locale) {
		List<String> categories = byBatch.keySet()
			.stream()
			.map(number -> messages.getMessage("batch.ordinal", new Object[] { number }, locale))
			.toList();
		List<Map<String, Object>> series = new ArrayList<>();
		for (ProjectStatus status : ProjectStatus.values()) {
			series.add(Map.of("name", text("project.status." + status, locale), "data",
					byBatch.values().stream().map(m -> m.get(status)).toList()));
		}
		return Map.of("categories", categories, "series", series);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
