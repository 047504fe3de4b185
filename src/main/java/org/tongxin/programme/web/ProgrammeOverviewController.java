package org.tongxin.programme.web;

import static org.tongxin.platform.Texts.blankToNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.platform.Exports;
import org.tongxin.platform.StreamedExport;
import org.tongxin.programme.CityRank;
import org.tongxin.programme.ProgrammeCity;
import org.tongxin.programme.ProgrammeMap;
import org.tongxin.programme.Tier;
import tools.jackson.databind.json.JsonMapper;

/** The programme overview: tiers, ranks, coverage, provinces and the table of the 49 cities. */
@Controller
class ProgrammeOverviewController {

	private final ProgrammeMap programme;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Exports exports;

	ProgrammeOverviewController(ProgrammeMap programme, MessageSource messages, JsonMapper json, Exports exports) {
		this.exports = exports;
		this.programme = programme;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/programme")
	@PreAuthorize("hasAuthority('programme:read')")
	String overview(@RequestParam(required = false) @Nullable Tier tier,
			@RequestParam(required = false) @Nullable CityRank rank,
			@RequestParam(required = false) @Nullable String province,
			@RequestParam(required = false) @Nullable String q, Model model, Locale locale) {
		List<ProgrammeCity> all = programme.programmeCities();
		model.addAttribute("coverage", programme.coverage());
		model.addAttribute("matrix", matrix(all));
		model.addAttribute("tiles", ProvinceTiles.of(programme.programmeCitiesByProvince()));
		model.addAttribute("chart", json.writeValueAsString(chart(all, locale)));
		model.addAttribute("provinces", provinces(all));
		model.addAttribute("cities", programme.programmeCities(tier, rank, blankToNull(province), blankToNull(q)));
		model.addAttribute("sitesByCity", programme.openSitesByCity());
		model.addAttribute("tier", tier);
		model.addAttribute("rank", rank);
		model.addAttribute("province", province);
		model.addAttribute("q", q);
		model.addAttribute("ranks", CityRank.values());
		model.addAttribute("tiers", Tier.values());
		return "programme/overview";
	}

	@GetMapping("/programme/cities.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('programme:read')")
	void export(@RequestParam(required = false) @Nullable Tier tier,
			@RequestParam(required = false) @Nullable CityRank rank,
			@RequestParam(required = false) @Nullable String province,
			@RequestParam(required = false) @Nullable String q, Locale locale, HttpServletResponse response)
			throws IOException {
		List<ProgrammeCity> cities = programme.programmeCities(tier, rank, blankToNull(province), blankToNull(q));
		exports
			.xlsx(response, "programme.cities.file", "programme.cities.sheet", Exports.columns(
					"programme.cities.column.", "code", "name", "province", "tier", "year", "rank", "capital", "base"))
			.audited("programme-city", null, Map.of("rows", cities.size()))
			.write(cities.stream()
				.map(c -> List.of(c.code(), c.name(), c.provinceName(), text("tier." + c.tier(), locale),
						c.year() == null ? "" : c.year(), text("rank." + c.rank(), locale),
						text(c.provincialCapital() ? "common.yes" : "common.no", locale),
						c.baseName() == null ? "" : c.baseName())));
	}

	/** Programme cities by tier (rows) and rank (columns); capitals counted on their own, as they overlap. */
	private static Map<String, Map<String, Long>> matrix(List<ProgrammeCity> cities) {
		Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
		for (Tier tier : Tier.values()) {
			Map<String, Long> row = new LinkedHashMap<>();
			for (CityRank rank : CityRank.values()) {
				row.put(rank.name(), cities.stream().filter(c -> c.tier() == tier && c.rank() == rank).count());
			}
			row.put("CAPITAL", cities.stream().filter(c -> c.tier() == tier && c.provincialCapital()).count());
			row.put("TOTAL", cities.stream().filter(c -> c.tier() == tier).count());
			matrix.put(tier.name(), row);
		}
		return matrix;
	}

	private Map<String, Object> chart(List<ProgrammeCity> cities, Locale locale) {
		List<String> categories = new ArrayList<>();
		for (CityRank rank : CityRank.values()) {
			categories.add(text("rank." + rank, locale));
		}
		List<Map<String, Object>> series = new ArrayList<>();
		for (Tier tier : Tier.values()) {
			List<Long> data = new ArrayList<>();
			for (CityRank rank : CityRank.values()) {
				data.add(cities.stream().filter(c -> c.tier() == tier && c.rank() == rank).count());
			}
			series.add(Map.of("name", text("tier." + tier, locale), "data", data));
		}
		return Map.of("categories", categories, "series", series);
	}

	private static Map<String, String> provinces(List<ProgrammeCity> cities) {
		Map<String, String> provinces = new TreeMap<>();
		cities.forEach(c -> provinces.put(c.provinceCode(), c.provinceName()));
		return provinces;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
