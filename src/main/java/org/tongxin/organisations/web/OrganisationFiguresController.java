package org.tongxin.organisations.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.organisations.OrganisationFigures.Figures;
import org.tongxin.organisations.OrganisationFigures.Row;
import org.tongxin.organisations.OrganisationFigures;
import org.tongxin.organisations.OrganisationKind;
import org.tongxin.organisations.Organisations;
import org.tongxin.platform.Exports;
import org.tongxin.platform.StreamedExport;
import tools.jackson.databind.json.JsonMapper;

/** The organisations dashboard: three tables per unit of the scope, each with its Excel export, and charts. */
@Controller
class OrganisationFiguresController {

	private final OrganisationFigures figures;

	private final Organisations organisations;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	private final Exports exports;

	OrganisationFiguresController(OrganisationFigures figures, Organisations organisations, MessageSource messages,
			JsonMapper json, Clock clock, Exports exports) {
		this.exports = exports;
		this.clock = clock;
		this.figures = figures;
		this.organisations = organisations;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/organisations/figures")
	@PreAuthorize("hasAuthority('organisations:read')")
	String dashboard(@RequestParam(required = false) @Nullable Integer year, Model model, Locale locale) {
		int chosen = year == null ? LocalDate.now(clock).getYear() : year;
		Figures f = figures.of(chosen);
		Map<String, OrganisationKind> kinds = organisations.kindsByCode();
		List<String> kindCodes = ordered(kinds, f.kinds());
		model.addAttribute("figures", f);
		model.addAttribute("year", chosen);
		model.addAttribute("years", years());
		model.addAttribute("kindCodes", kindCodes);
		model.addAttribute("kinds", kinds);
		List<String> categories = f.rows().stream().map(Row::name).toList();
		Map<String, Object> byKind = new LinkedHashMap<>();
		byKind.put("categories", categories);
		byKind.put("series", kindCodes.stream()
			.map(k -> Map.of("name", OrganisationController.kindLabel(kinds, k, locale), "data",
					f.rows().stream().map(r -> r.byKind().getOrDefault(k, 0L)).toList()))
			.toList());
		Map<String, Object> byGroup = new LinkedHashMap<>();
		byGroup.put("categories", categories);
		byGroup.put("series", f.groups()
			.stream()
			.map(g -> Map.of("name", group(g, locale), "data",
					f.rows().stream().map(r -> r.byGroup().getOrDefault(g, 0L)).toList()))
			.toList());
		Map<String, Object> coverage = new LinkedHashMap<>();
		coverage.put("categories", categories);
		coverage.put("series", List.of(
				Map.of("name", text("figures.orgCoverage", locale), "data",
						f.rows().stream().map(r -> number(r.orgCoverage())).toList()),
				Map.of("name", text("figures.memberCoverage", locale), "data",
						f.rows().stream().map(r -> number(r.memberCoverage())).toList())));
		model.addAttribute("kindChart", json.writeValueAsString(byKind));
		model.addAttribute("groupChart", json.writeValueAsString(byGroup));
		model.addAttribute("coverageChart", json.writeValueAsString(coverage));
		return "organisations/figures";
	}

	@GetMapping("/organisations/figures/{table}.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('organisations:read')")
	void export(@PathVariable String table, @RequestParam(required = false) @Nullable Integer year, Locale locale,
			HttpServletResponse response) throws IOException {
		if (!List.of("kinds", "groups", "coverage").contains(table)) {
			response.sendError(404);
			return;
		}
		int chosen = year == null ? LocalDate.now(clock).getYear() : year;
		Figures f = figures.of(chosen);
		Map<String, OrganisationKind> kinds = organisations.kindsByCode();
		List<String> headers = new ArrayList<>();
		headers.add(text("figures.unit", locale));
		List<List<?>> rows = new ArrayList<>();
		List<Row> all = new ArrayList<>(f.rows());
		all.add(f.total());
		switch (table) {
			case "kinds" -> {
				List<String> codes = ordered(kinds, f.kinds());
				codes.forEach(k -> headers.add(OrganisationController.kindLabel(kinds, k, locale)));
				headers.add(text("figures.organisations", locale));
				for (Row r : all) {
					List<Object> row = new ArrayList<>();
					row.add(name(r, locale));
					codes.forEach(k -> row.add(r.byKind().getOrDefault(k, 0L)));
					row.add(r.organisations());
					rows.add(row);
				}
			}
			case "groups" -> {
				f.groups().forEach(g -> headers.add(group(g, locale)));
				headers.add(text("figures.persons", locale));
				for (Row r : all) {
					List<Object> row = new ArrayList<>();
					row.add(name(r, locale));
					f.groups().forEach(g -> row.add(r.byGroup().getOrDefault(g, 0L)));
					row.add(r.persons());
					rows.add(row);
				}
			}
			default -> {
				List.of("organisations", "withPartyOrg", "orgCoverage", "members", "partyMembers", "memberCoverage")
					.forEach(c -> headers.add(text("figures." + c, locale)));
				for (Row r : all) {
					rows.add(List.of(name(r, locale), r.organisations(), r.withPartyOrg(), percentText(r.orgCoverage()),
							r.members(), r.partyMembers(), percentText(r.memberCoverage())));
				}
			}
		}
		String name = text("figures.file." + table, locale);
		exports.xlsxHeaded(response, name + "-" + chosen, name, headers)
			.audited("organisation-figures", null, Map.of("table", table, "year", chosen))
			.write(rows.stream());
	}

	private static List<String> ordered(Map<String, OrganisationKind> kinds, List<String> present) {
		List<String> codes = new ArrayList<>(kinds.keySet().stream().filter(present::contains).toList());
		present.stream().filter(k -> !codes.contains(k)).forEach(codes::add);
		return codes;
	}

	private List<Integer> years() {
		List<Integer> years = new ArrayList<>();
		for (int y = LocalDate.now(clock).getYear(); y >= 2015; y--) {
			years.add(y);
		}
		return years;
	}

	private String name(Row r, Locale locale) {
		return r.unit() == null ? text("figures.total", locale) : r.name();
	}

	private String group(String code, Locale locale) {
		return text("figures.group." + code, locale);
	}

	static String percentText(@Nullable BigDecimal value) {
		return value == null ? "—" : value.toPlainString() + "%";
	}

	private static @Nullable Double number(@Nullable BigDecimal value) {
		return value == null ? null : value.doubleValue();
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
