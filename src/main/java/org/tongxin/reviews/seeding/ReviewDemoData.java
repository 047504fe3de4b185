package org.tongxin.reviews.seeding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.DemoMode;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.Units;
import org.tongxin.programme.ProgrammeMap;
import org.tongxin.programme.Tier;
import org.tongxin.projects.Batch;
import org.tongxin.projects.BatchId;
import org.tongxin.projects.Project;
import org.tongxin.projects.ProjectId;
import org.tongxin.projects.seeding.ProjectSeeding;
import org.tongxin.reviews.AssignmentState;
import org.tongxin.reviews.Criterion;
import org.tongxin.reviews.CriterionForm;
import org.tongxin.reviews.ProjectResult;
import org.tongxin.reviews.ReviewRound;
import org.tongxin.reviews.ReviewRoundId;
import org.tongxin.reviews.RoundForm;
import org.tongxin.reviews.RoundResults;
import org.tongxin.reviews.Score;
import org.tongxin.reviews.internal.Assignments;
import org.tongxin.reviews.internal.ReviewRounds;
import org.tongxin.reviews.internal.Reviewers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's review: the four reviewers, the closed round “2018年中期推动” over batch 1 with scores from
 * every reviewer without a conflict of interest, and exemplary cases promoted from batch-1 projects, one
 * adopted by another city. Loaded once, in demo mode only, after the key projects; when the 15 batch-1
 * projects of the seed are not there yet it adds them, so that the round has something to rank.
 */
@Component
public class ReviewDemoData {

	private static final String SYSTEM = "system";

	private static final DataScope EVERYTHING = DataScope.everywhere();

	private record DemoReviewer(String username, String name, long homeCity, String expertise) {
	}

	private static final List<DemoReviewer> REVIEWERS = List.of(
			new DemoReviewer("reviewer", "评审专家（北京）", 110000, "新媒体、网络人士统战工作"),
			new DemoReviewer("reviewer2", "评审专家（上海）", 310000, "社会组织、联谊组织建设"),
			new DemoReviewer("reviewer3", "评审专家（广州）", 440100, "自由职业人员、数据库建设"),
			new DemoReviewer("reviewer4", "评审专家（西安）", 610100, "文化艺术界、品牌活动"));

	/** How the seed judged each pilot city's project, by the project's city; the demo scores centre on it. */
	private static final Map<Long, Integer> QUALITY = Map.ofEntries(
			Map.entry(110000L, 84),
			Map.entry(120000L, 80),
			Map.entry(510100L, 90),
			Map.entry(330100L, 86),
			Map.entry(440100L, 83),
			Map.entry(410100L, 74),
			Map.entry(370200L, 76),
			Map.entry(310000L, 85),
			Map.entry(320100L, 79),
			Map.entry(610100L, 81),
			Map.entry(210200L, 88),
			Map.entry(500000L, 82),
			Map.entry(420100L, 80),
			Map.entry(440300L, 87),
			Map.entry(350100L, 77));

	private static final List<CriterionForm> RUBRIC = List.of(
			new CriterionForm("创新性", 25, "90–100：全国首创、路径新颖；75–89：有明显创新；60–74：借鉴为主；60以下：创新不足"),
			new CriterionForm("实效性", 25, "90–100：指标全面达成、群众认可度高；75–89：大部分达成；60–74：部分达成"),
			new CriterionForm("可复制性", 20, "90–100：做法成熟、可直接推广；75–89：稍加调整可推广；60–74：依赖本地条件"),
			new CriterionForm("机制建设", 15, "90–100：制度健全、多方联动常态化；75–89：机制基本形成；60–74：尚在探索"),
			new CriterionForm("覆盖面增长", 15, "90–100：覆盖面显著扩大、呈“滚雪球效应”；75–89：稳步扩大；60–74：增长有限"));

	/** Per reviewer: how strict they are, in points. */
	private static final Map<String, Integer> STRICTNESS = Map.of("reviewer", 0, "reviewer2", -3, "reviewer3", 2,
			"reviewer4", -1);

	private static final String[] PRAISE = { "%s做法新颖，抓住了新的社会阶层人士的特点，值得各地学习。", "%s目标明确、成效可量化，群众认可度高。",
			"%s形成了可复制的工作流程和制度文本，便于推广。", "%s建立了党委领导、统战牵头、多方参与的常态化机制。", "%s覆盖面持续扩大，呈现“滚雪球效应”。" };

	private final DemoMode demoMode;

	private final JdbcClient jdbc;

	private final Units units;

	private final ProgrammeMap programme;

	private final ProjectSeeding projectSeeding;

	private final Reviewers reviewers;

	private final ReviewRounds rounds;

	private final Assignments assignments;

	private final AuditLog audit;

	private final JsonMapper json;

	ReviewDemoData(DemoMode demoMode, JdbcClient jdbc, Units units, ProgrammeMap programme,
			ProjectSeeding projectSeeding, Reviewers reviewers, ReviewRounds rounds, Assignments assignments,
			AuditLog audit, JsonMapper json) {
		this.demoMode = demoMode;
		this.jdbc = jdbc;
		this.units = units;
		this.programme = programme;
		this.projectSeeding = projectSeeding;
		this.reviewers = reviewers;
		this.rounds = rounds;
		this.assignments = assignments;
		this.audit = audit;
		this.json = json;
	}

	@Transactional
	public void seed() {
		if (!demoMode.enabled() || !rounds.all().isEmpty()) {
			return;
		}
		for (DemoReviewer r : REVIEWERS) {
			if (reviewers.find(r.username()).isEmpty()) {
				UnitId city = new UnitId(r.homeCity());
				reviewers.insert(r.username(), r.name(), city, units.get(city).name(), r.expertise());
				audit.append(SYSTEM, UnitId.CENTRAL, AuditLog.Action.CREATE, "programme-reviewer", r.username(),
						Map.of("after", Map.of("username", r.username(), "homeCity", r.homeCity(), "demo", true)), null);
			}
		}
		// Batch 1 and its 15 projects come from the key-projects demo data, which runs before this.
		Optional<Batch> batch = projectSeeding.batchNumbered(1);
		if (batch.isEmpty()) {
			return;
		}
		closedRound(batch.get().id(), projectSeeding.projectsOf(batch.get()));
	}

	private void closedRound(BatchId batch, List<Project> batchProjects) {
		RoundForm form = new RoundForm("2018年中期推动", batch.value(), List.of(), LocalDate.of(2018, 10, 15),
				LocalDate.of(2018, 11, 20), new BigDecimal("15"), RUBRIC);
		ReviewRoundId id = rounds.insert(form, RUBRIC, SYSTEM);
		rounds.addProjects(id, batchProjects.stream().map(Project::id).toList());
		ReviewRound round = rounds.find(id).orElseThrow();
		Map<String, UnitId> homes = new HashMap<>();
		reviewers.all().forEach(r -> homes.put(r.username(), r.homeCity()));
		for (int p = 0; p < batchProjects.size(); p++) {
			Project project = batchProjects.get(p);
			int quality = quality(project);
			for (DemoReviewer r : REVIEWERS) {
				UnitId home = homes.get(r.username());
				if (home.equals(project.city())) {
					continue;
				}
				long assignment = assignments.insert(id, project.id(), r.username(), null, SYSTEM);
				List<Score> scores = new ArrayList<>();
				for (int c = 0; c < round.criteria().size(); c++) {
					Criterion criterion = round.criteria().get(c);
					int jitter = Math.floorMod(project.title().hashCode() * 31 + r.username().hashCode() * 7 + c * 17, 9) - 4;
					// One reviewer far from the others, so that the outlier flag has something to explain.
					int outlier = r.username().equals("reviewer4") && project.title().contains("三三五") ? -24 : 0;
					int score = Math.clamp(quality + STRICTNESS.get(r.username()) + jitter + outlier, 0, 100);
					String comment = c == p % 5 || c == (p + 2) % 5
							? PRAISE[c].formatted("“" + (project.carrier() == null ? project.title() : project.carrier()) + "”")
							: null;
					scores.add(new Score(criterion.id(), score, comment));
				}
				assignments.save(assignment, scores, AssignmentState.SUBMITTED);
			}
		}
		Map<Long, Tier> tiers = new HashMap<>();
		programme.programmeCities().forEach(c -> {
			if (c.tier() != null) {
				tiers.put(c.unit().value(), c.tier());
			}
		});
		List<RoundResults.Subject> subjects = rounds.projects(id).stream()
			.map(p -> new RoundResults.Subject(p.project(), p.title(), p.place(), p.cityName(), p.batchNumber(),
					tiers.get(p.city().value()), p.assigned()))
			.toList();
		List<ProjectResult> results = RoundResults.compute(round, subjects, rounds.submittedScores(id));
		rounds.close(id, "central");
		// The round closed before the Shenzhen meeting of 28–29 November 2018, where its results were presented.
		jdbc.sql("update programme_review_round set closed_at = '2018-11-27 18:00:00+08' where id = ?")
			.param(id.value())
			.update();
		Map<ProjectId, UnitId> unitOf = new HashMap<>();
		batchProjects.forEach(p -> unitOf.put(p.id(), p.unit()));
		for (ProjectResult result : results) {
			rounds.storeResult(id, result.project(), unitOf.get(result.project()), result.rank(),
					json.writeValueAsString(result));
		}
		audit.append(SYSTEM, UnitId.CENTRAL, AuditLog.Action.CREATE, "programme-review-round", id,
				Map.of("after", Map.of("title", round.title(), "closed", true, "demo", true)), null);
	}

	/** Projects of cities outside the seed get a middling 80. */
	private static int quality(Project project) {
		return QUALITY.getOrDefault(project.city().value(), 80);
	}
}
