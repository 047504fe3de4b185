package org.tongxin.reviews.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.platform.Slice;
import org.tongxin.platform.TargetGroup;
import org.tongxin.programme.SiteKind;
import org.tongxin.projects.CaseFilter;
import org.tongxin.projects.ExemplaryCase;
import org.tongxin.projects.ExemplaryCases;
import org.tongxin.reviews.ProjectResult;
import org.tongxin.reviews.ProjectReviews;
import org.tongxin.reviews.ReviewRoundId;
import org.tongxin.reviews.ReviewRoundState;
import org.tongxin.reviews.RoundResults;

/** Review results and the case library for other systems; the same rules as the screens. */
@RestController
@RequestMapping("/api/v1/programme")
@Tag(name = "programme reviews", description = "中期评审结果与典型案例")
class ReviewApi {

	static final int MAX_SIZE = 200;

	private final ProjectReviews reviews;

	private final ExemplaryCases cases;

	ReviewApi(ProjectReviews reviews, ExemplaryCases cases) {
		this.reviews = reviews;
		this.cases = cases;
	}

	record ResultsView(long round, String title, ReviewRoundState state, boolean frozen,
			Map<String, Integer> weights, BigDecimal outlierThreshold, List<ProjectResult> projects,
			List<RoundResults.CityComparison> cities) {
	}

	record CaseView(long id, long project, String place, String title, String summary, String successFactors,
			String replication, List<TargetGroup> targetGroups, List<SiteKind> siteKinds, List<String> mechanisms,
			boolean published, long adoptions) {

		static CaseView of(ExemplaryCase c) {
			return new CaseView(c.id().value(), c.project().value(), c.place(), c.title(), c.summary(),
					c.successFactors(), c.replication(), List.copyOf(c.targetGroups()), List.copyOf(c.siteKinds()),
					c.mechanisms(), c.published(), c.adoptions());
		}
	}

	record CasePage(long total, List<CaseView> items, @Nullable Long nextBefore) {
	}

	@GetMapping("/reviews/{id}/results")
	@PreAuthorize("hasAnyAuthority('review:manage', 'programme:read')")
	@Operation(summary = "Results of a review round: per project weighted mean, spread, outliers, ranks; per city and criterion")
	ResultsView results(@PathVariable long id) {
		RoundResults results = reviews.results(new ReviewRoundId(id));
		Map<String, Integer> weights = new java.util.LinkedHashMap<>();
		results.round().criteria().forEach(c -> weights.put(c.name(), c.weight()));
		return new ResultsView(id, results.round().title(), results.round().state(), results.frozen(), weights,
				results.round().outlierThreshold(), results.projects(), results.cities());
	}

	@GetMapping("/cases")
	@PreAuthorize("hasAnyAuthority('programme:read', 'case:publish')")
	@Operation(summary = "Search the exemplary-case library by text (title, summary) and tags")
	CasePage cases(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable TargetGroup group,
			@RequestParam(required = false) @Nullable SiteKind kind,
			@RequestParam(required = false) @Nullable String mechanism,
			@RequestParam(required = false) @Nullable Long before, @RequestParam(defaultValue = "50") int size) {
		CaseFilter filter = new CaseFilter(q, group, kind, mechanism);
		int limit = Math.clamp(size, 1, MAX_SIZE);
		Slice<ExemplaryCase> slice = Slice.of(fetch -> cases.search(filter, before, fetch), limit,
				last -> last.id().value());
		return new CasePage(cases.count(filter), slice.items().stream().map(CaseView::of).toList(),
				slice.hasNext() ? Long.valueOf(slice.next()) : null);
	}
}
