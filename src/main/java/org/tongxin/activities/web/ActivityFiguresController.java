package org.tongxin.activities.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.activities.ActivityFigures;
import org.tongxin.activities.Figures;
import org.tongxin.platform.Exports;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.UnitId;
import tools.jackson.databind.json.JsonMapper;

/** The activities dashboard: figures of a unit over a period, charts and an Excel export of every table. */
@Controller
class ActivityFiguresController {

	enum Table {
		UNIT, SERIES, MONTH, KIND
	}

	private final ActivityFigures figures;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Exports exports;

	ActivityFiguresController(ActivityFigures figures, MessageSource messages, JsonMapper json, Exports exports) {
		this.exports = exports;
		this.figures = figures;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/activities/stats")
	@PreAuthorize("hasAuthority('activities:read')")
	String dashboard(@RequestParam(required = false) @Nullable Long unit,
			@RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to,
			Locale locale, Model model) {
		ActivityFigures.Report report = figures.report(unit == null ? null : new UnitId(unit), from, to);
		model.addAttribute("report", report);
		model.addAttribute("units", figures.units());
		model.addAttribute("unit", report.unit().id().value());
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("tables", Map.of("UNIT", report.byUnit(), "SERIES", report.bySeries(), "MONTH",
				report.byMonth(), "KIND", labelledKinds(report.byKind(), locale)));
		model.addAttribute("tableOrder", Table.values());
		model.addAttribute("monthChart", chart(report.byMonth(), text("activities.figures.events", locale),
				f -> f.events()));
		model.addAttribute("attendanceChart", chart(report.bySeries(),
				text("activities.figures.attendanceRate", locale), f -> f.attendanceRate()));
		model.addAttribute("satisfactionChart", chart(report.bySeries(),
				text("activities.figures.satisfaction", locale), f -> f.satisfaction()));
		return "activities/stats";
	}

	@GetMapping("/activities/stats/export.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('activities:read')")
	void export(@RequestParam(defaultValue = "UNIT") Table table, @RequestParam(required = false) @Nullable Long unit,
			@RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to,
			Locale locale, HttpServletResponse response) throws IOException {
		ActivityFigures.Report report = figures.report(unit == null ? null : new UnitId(unit), from, to);
		List<Figures> rows = switch (table) {
			case UNIT -> report.byUnit();
			case SERIES -> report.bySeries();
			case MONTH -> report.byMonth();
			case KIND -> labelledKinds(report.byKind(), locale);
		};
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("table", table.name());
		detail.put("unit", report.unit().id().value());
		detail.put("rows", rows.size());
		exports
			.xlsx(response, "activities.figures.file", "activities.figures.by." + table,
					Exports.columns("activities.figures.", "by." + table, "events", "registrations", "checkedIn",
							"attendanceRate", "volunteerHours", "satisfaction", "gain", "feedbacks"))
			.audited("activities-figures", null, detail)
			.write(rows.stream().map(f -> List.of(label(f, locale), f.events(), f.registrations(), f.checkedIn(),
					Forms.nz(f.attendanceRate()), f.volunteerHours(), Forms.nz(f.satisfaction()), Forms.nz(f.gain()),
					f.feedbacks())));
	}

	private String label(Figures f, Locale locale) {
		return f.label().isEmpty() ? text("activities.figures.noSeries", locale) : f.label();
	}

	private List<Figures> labelledKinds(List<Figures> byKind, Locale locale) {
		return byKind.stream()
			.map(f -> new Figures(text("activities.kind." + f.label(), locale), f.events(), f.registrations(),
					f.registrationsHeld(), f.checkedIn(), f.volunteerHours(), f.satisfaction(), f.gain(), f.feedbacks()))
			.toList();
	}

	private String chart(List<Figures> rows, String name, java.util.function.Function<Figures, @Nullable Object> value) {
		List<String> categories = rows.stream().map(f -> f.label().isEmpty() ? "—" : f.label()).toList();
		List<@Nullable Object> data = rows.stream().map(value).toList();
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("data", data);
		return json.writeValueAsString(Map.of("categories", categories, "series", List.of(series)));
	}

	private String text(String key, Locale locale) {
		return Forms.text(messages, key, locale);
	}
}
