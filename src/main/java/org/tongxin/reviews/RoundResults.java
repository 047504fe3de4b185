package org.tongxin.reviews;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.tongxin.programme.Tier;
import org.tongxin.projects.ProjectId;

/**
 * The results of a round: per project, the ranking per batch and per tier, and the per-criterion
 * comparison across cities. {@code frozen} when they come from the snapshot taken at closing.
 */
public record RoundResults(ReviewRound round, boolean frozen, List<ProjectResult> projects) {

	/** How many comments a project's page in the report carries. */
	static final int STRONGEST_COMMENTS = 3;

	/** A project as the calculation needs it. */
	public record Subject(ProjectId project, String title, String place, String cityName, int batchNumber,
			@Nullable Tier tier, int assigned) {
	}

	/** One submitted score of one reviewer on one criterion. */
	public record SubmittedScore(ProjectId project, String reviewer, long criterion, int score,
			@Nullable String comment) {
	}

	/** A city's mean score per criterion, over its projects' criterion means. */
	public record CityComparison(String city, Map<String, BigDecimal> criterionMeans) {
	}

	/** Computes every project's result, then ranks them; only submitted scores count. */
	public static List<ProjectResult> compute(ReviewRound round, List<Subject> subjects, List<SubmittedScore> scores) {
		Rubric rubric = round.rubric();
		Map<Long, Criterion> criteria = round.criteria().stream()
			.collect(Collectors.toMap(Criterion::id, Function.identity()));
		Map<ProjectId, Map<String, List<SubmittedScore>>> byProject = new LinkedHashMap<>();
		for (SubmittedScore score : scores) {
			byProject.computeIfAbsent(score.project(), p -> new TreeMap<>())
				.computeIfAbsent(score.reviewer(), r -> new ArrayList<>())
				.add(score);
		}
		List<ProjectResult> results = new ArrayList<>();
		for (Subject subject : subjects) {
			Map<String, List<SubmittedScore>> byReviewer = byProject.getOrDefault(subject.project(), Map.of());
			Map<String, BigDecimal> weighted = new LinkedHashMap<>();
			byReviewer.forEach((reviewer, list) -> {
				BigDecimal value = rubric.weighted(
						list.stream().collect(Collectors.toMap(SubmittedScore::criterion, SubmittedScore::score)));
				if (value != null) {
					weighted.put(reviewer, value);
				}
			});
			List<ProjectResult.ReviewerResult> reviewers = new ArrayList<>();
			weighted.forEach((reviewer, value) -> {
				List<BigDecimal> others = weighted.entrySet().stream()
					.filter(e -> !e.getKey().equals(reviewer))
					.map(Map.Entry::getValue)
					.toList();
				BigDecimal othersMean = mean(others);
				BigDecimal deviation = othersMean == null ? null : value.subtract(othersMean).abs();
				reviewers.add(new ProjectResult.ReviewerResult(reviewer, value, othersMean, deviation,
						deviation != null && deviation.compareTo(round.outlierThreshold()) > 0));
			});
			Map<String, BigDecimal> criterionMeans = new LinkedHashMap<>();
			for (Criterion criterion : round.criteria()) {
				List<BigDecimal> values = byReviewer.entrySet().stream()
					.filter(e -> weighted.containsKey(e.getKey()))
					.flatMap(e -> e.getValue().stream())
					.filter(s -> s.criterion() == criterion.id())
					.map(s -> BigDecimal.valueOf(s.score()))
					.toList();
				BigDecimal mean = mean(values);
				if (mean != null) {
					criterionMeans.put(criterion.name(), mean);
				}
			}
			// The strongest comments: those given with the highest scores, the praise a meeting quotes.
			List<ProjectResult.Comment> comments = byReviewer.entrySet().stream()
				.filter(e -> weighted.containsKey(e.getKey()))
				.flatMap(e -> e.getValue().stream())
				.filter(s -> s.comment() != null && !s.comment().isBlank())
				.sorted(Comparator.comparingInt(SubmittedScore::score).reversed()
					.thenComparing(s -> Objects.requireNonNull(s.comment()).length(), Comparator.reverseOrder()))
				.filter(distinctText())
				.limit(STRONGEST_COMMENTS)
				.map(s -> new ProjectResult.Comment(criteria.get(s.criterion()).name(), s.score(),
						Objects.requireNonNull(s.comment())))
				.toList();
			List<BigDecimal> values = List.copyOf(weighted.values());
			results.add(new ProjectResult(subject.project(), subject.title(), subject.place(), subject.cityName(),
					subject.batchNumber(), subject.tier(), subject.assigned(), values.size(), mean(values),
					spread(values), reviewers, criterionMeans, comments, null, null, null));
		}
		return rank(results);
	}

	/** Lets a comment through once: two reviewers agreeing word for word are quoted once. */
	private static java.util.function.Predicate<SubmittedScore> distinctText() {
		java.util.Set<String> seen = new java.util.HashSet<>();
		return s -> seen.add(Objects.requireNonNull(s.comment()).strip());
	}

	/** Ranks by mean, highest first; equal means share a rank (1, 2, 2, 4). Unscored projects are unranked. */
	static List<ProjectResult> rank(List<ProjectResult> results) {
		Map<ProjectId, Integer> overall = ranks(results, r -> "all");
		Map<ProjectId, Integer> inBatch = ranks(results, r -> "b" + r.batchNumber());
		Map<ProjectId, Integer> inTier = ranks(results, r -> String.valueOf(r.tier()));
		return results.stream()
			.map(r -> r.ranked(overall.get(r.project()), inBatch.get(r.project()), inTier.get(r.project())))
			.sorted(Comparator.comparing(ProjectResult::rank, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(r -> r.project().value()))
			.toList();
	}

	private static Map<ProjectId, Integer> ranks(List<ProjectResult> results, Function<ProjectResult, String> group) {
		Map<ProjectId, Integer> ranks = new LinkedHashMap<>();
		results.stream()
			.filter(r -> r.mean() != null)
			.collect(Collectors.groupingBy(group))
			.forEach((key, members) -> {
				List<ProjectResult> sorted = members.stream()
					.sorted(Comparator.comparing(ProjectResult::mean, Comparator.reverseOrder()))
					.toList();
				for (int i = 0; i < sorted.size(); i++) {
					ProjectResult r = sorted.get(i);
					boolean tie = i > 0 && Objects.requireNonNull(sorted.get(i - 1).mean()).compareTo(r.mean()) == 0;
					ranks.put(r.project(), tie ? ranks.get(sorted.get(i - 1).project()) : i + 1);
				}
			});
		return ranks;
	}

	static @Nullable BigDecimal mean(List<BigDecimal> values) {
		if (values.isEmpty()) {
			return null;
		}
		return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
	}

	/** Population standard deviation: the spread of exactly these reviewers, not an estimate of all reviewers. */
	static @Nullable BigDecimal spread(List<BigDecimal> values) {
		if (values.isEmpty()) {
			return null;
		}
		BigDecimal mean = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64);
		BigDecimal squares = values.stream()
			.map(v -> v.subtract(mean).pow(2))
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64);
		return squares.sqrt(MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP);
	}

	public List<String> criteria() {
		return round.criteria().stream().map(Criterion::name).toList();
	}

	/** Ranked projects per batch number, in rank order. */
	public Map<Integer, List<ProjectResult>> byBatch() {
		return grouped(ProjectResult::batchNumber, ProjectResult::rankInBatch);
	}

	/** Ranked projects per tier of their city (pilot, promotion; cities outside the programme last). */
	public Map<String, List<ProjectResult>> byTier() {
		return grouped(r -> r.tier() == null ? "NONE" : r.tier().name(), ProjectResult::rankInTier);
	}

	private <K extends Comparable<K>> Map<K, List<ProjectResult>> grouped(Function<ProjectResult, K> key,
			Function<ProjectResult, @Nullable Integer> rank) {
		Map<K, List<ProjectResult>> groups = new TreeMap<>();
		projects.stream()
			.sorted(Comparator.comparing(rank, Comparator.nullsLast(Comparator.naturalOrder())))
			.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
		return groups;
	}

	/** Per city, the mean of its projects' criterion means; cities in order of their best rank. */
	public List<CityComparison> cities() {
		Map<String, List<ProjectResult>> byCity = new LinkedHashMap<>();
		projects.forEach(r -> byCity.computeIfAbsent(r.cityName(), c -> new ArrayList<>()).add(r));
		List<CityComparison> cities = new ArrayList<>();
		byCity.forEach((city, list) -> {
			Map<String, BigDecimal> means = new LinkedHashMap<>();
			for (String criterion : criteria()) {
				BigDecimal mean = mean(list.stream()
					.map(r -> r.criterionMeans().get(criterion))
					.filter(Objects::nonNull)
					.toList());
				if (mean != null) {
					means.put(criterion, mean);
				}
			}
			if (!means.isEmpty()) {
				cities.add(new CityComparison(city, means));
			}
		});
		return cities;
	}

	public long submitted() {
		return projects.stream().mapToLong(ProjectResult::submitted).sum();
	}

	public long assigned() {
		return projects.stream().mapToLong(ProjectResult::assigned).sum();
	}

	public long outliers() {
		return projects.stream().filter(ProjectResult::outlier).count();
	}
}
