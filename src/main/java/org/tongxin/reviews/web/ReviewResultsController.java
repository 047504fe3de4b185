package org.tongxin.reviews.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.PdfDocuments;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.XlsxExport;
import org.tongxin.projects.Milestone;
import org.tongxin.projects.ProjectId;
import org.tongxin.reviews.ProjectResult;
import org.tongxin.reviews.ProjectReviews;
import org.tongxin.reviews.ReviewRoundId;
import org.tongxin.reviews.RoundResults;
import tools.jackson.databind.json.JsonMapper;

/**
 * A round's results: the ranking per batch and per tier, each project's scores with the outlier flags
 * explained, the per-criterion comparison across cities; and the review report the central office hands
 * out at the meeting, as PDF and as .xlsx. A city sees a closed round's results of its own projects only.
 */
@Controller
class ReviewResultsController {

	private final ProjectReviews reviews;

	private final PdfDocuments pdf;

	private final MessageSource messages;

	private final JsonMapper json;

	private final AuditLog audit;

	private final Clock clock;

	ReviewResultsController(ProjectReviews reviews, PdfDocuments pdf, MessageSource messages, JsonMapper json,
			AuditLog audit, Clock clock) {
		this.clock = clock;
		this.reviews = reviews;
		this.pdf = pdf;
		this.messages = messages;
		this.json = json;
		this.audit = audit;
	}

	@GetMapping("/programme/reviews/{id}/results")
	@PreAuthorize("hasAnyAuthority('review:manage', 'programme:read')")
	String results(@PathVariable long id, Model model) {
		RoundResults results = reviews.results(new ReviewRoundId(id));
		model.addAttribute("results", results);
		model.addAttribute("round", results.round());
		model.addAttribute("closedOn", results.round().closedAt() == null ? ""
				: LocalDate.ofInstant(results.round().closedAt(), clock.getZone()));
		model.addAttribute("chart", json.writeValueAsString(chart(results)));
		return "programme/reviews/results";
	}

	@GetMapping("/programme/reviews/{id}/report.pdf")
	@StreamedExport
	@PreAuthorize("hasAuthority('review:manage')")
	void report(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
		RoundResults results = reviews.results(new ReviewRoundId(id));
		List<ProjectId> ids = results.projects().stream().map(ProjectResult::project).toList();
		Map<Long, Object> indicators = new HashMap<>();
		reviews.indicatorsOf(ids).forEach((project, list) -> indicators.put(project.value(), list));
		Map<Long, List<Milestone>> milestones = new HashMap<>();
		ids.forEach(project -> milestones.put(project.value(), reviews.milestonesOf(project)));
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("results", results);
		model.put("round", results.round());
		model.put("indicators", indicators);
		model.put("milestones", milestones);
		model.put("today", LocalDate.now(clock));
		audit.record(AuditLog.Action.EXPORT, "programme-review-round", id, Map.of("format", "pdf"), null);
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", disposition(results, "pdf", locale));
		pdf.render("pdf/review-report", model, locale, response.getOutputStream());
	}

	/** Two sheets: the ranking, and each project's mean per criterion. */
	@GetMapping("/programme/reviews/{id}/results.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('review:manage')")
	void export(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
		RoundResults results = reviews.results(new ReviewRoundId(id));
		audit.record(AuditLog.Action.EXPORT, "programme-review-round", id,
				Map.of("format", "xlsx", "rows", results.projects().size()), null);
		response.setContentType(XlsxExport.CONTENT_TYPE);
		response.setHeader("Content-Disposition", disposition(results, "xlsx", locale));
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			List<String> rankingHeaders = List.of("rank", "rankInBatch", "rankInTier", "project", "place", "batch",
					"tier", "mean", "spread", "submitted", "assigned", "outlier")
				.stream()
				.map(h -> text("results.column." + h, locale))
				.toList();
			Sheet ranking = sheet(workbook, text("results.sheet.ranking", locale), rankingHeaders, bold);
			int r = 1;
			for (ProjectResult p : results.projects()) {
				Row row = ranking.createRow(r++);
				cell(row, 0, p.rank());
				cell(row, 1, p.rankInBatch());
				cell(row, 2, p.rankInTier());
				cell(row, 3, p.title());
				cell(row, 4, p.place());
				cell(row, 5, p.batchNumber());
				cell(row, 6, p.tier() == null ? "" : text("tier." + p.tier(), locale));
				cell(row, 7, p.mean());
				cell(row, 8, p.spread());
				cell(row, 9, p.submitted());
				cell(row, 10, p.assigned());
				cell(row, 11, text(p.outlier() ? "common.yes" : "common.no", locale));
			}
			List<String> criterionHeaders = new ArrayList<>(List.of(text("results.column.project", locale),
					text("results.column.place", locale)));
			criterionHeaders.addAll(results.criteria());
			Sheet criteria = sheet(workbook, text("results.sheet.criteria", locale), criterionHeaders, bold);
			r = 1;
			for (ProjectResult p : results.projects()) {
				Row row = criteria.createRow(r++);
				cell(row, 0, p.title());
				cell(row, 1, p.place());
				int c = 2;
				for (String criterion : results.criteria()) {
					cell(row, c++, p.criterionMeans().get(criterion));
				}
			}
			workbook.write(response.getOutputStream());
		}
	}

	/** Grouped bars: one group per city, one bar per criterion (the mean score). */
	private static Map<String, Object> chart(RoundResults results) {
		List<String> cities = results.cities().stream().map(RoundResults.CityComparison::city).toList();
		List<Map<String, Object>> series = new ArrayList<>();
		for (String criterion : results.criteria()) {
			series.add(Map.of("name", criterion, "data", results.cities().stream()
				.map(c -> c.criterionMeans().getOrDefault(criterion, BigDecimal.ZERO))
				.toList()));
		}
		return Map.of("categories", cities, "series", series);
	}

	private static Sheet sheet(XSSFWorkbook workbook, String name, List<String> headers, CellStyle bold) {
		Sheet sheet = workbook.createSheet(name);
		Row head = sheet.createRow(0);
		for (int i = 0; i < headers.size(); i++) {
			head.createCell(i).setCellValue(headers.get(i));
			head.getCell(i).setCellStyle(bold);
			sheet.setColumnWidth(i, Math.max(10, headers.get(i).length() * 3) * 256);
		}
		sheet.setColumnWidth(headers.size() > 3 ? 3 : 0, 40 * 256);
		sheet.createFreezePane(0, 1);
		return sheet;
	}

	private static void cell(Row row, int column, @Nullable Object value) {
		if (value instanceof Number number) {
			row.createCell(column).setCellValue(number.doubleValue());
		}
		else if (value != null) {
			row.createCell(column).setCellValue(value.toString());
		}
	}

	private String disposition(RoundResults results, String extension, Locale locale) {
		String name = results.round().title() + "-" + text("reviewReport.file", locale) + "." + extension;
		return "attachment; filename=\"review-report." + extension + "\"; filename*=UTF-8''"
				+ URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
