package org.tongxin.programme.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.DemoMode;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.Units;
import org.tongxin.programme.Batch;
import org.tongxin.programme.BatchForm;
import org.tongxin.programme.BatchId;
import org.tongxin.programme.CaseForm;
import org.tongxin.programme.CaseId;
import org.tongxin.programme.Criterion;
import org.tongxin.programme.CriterionForm;
import org.tongxin.programme.IndicatorForm;
import org.tongxin.programme.IndicatorId;
import org.tongxin.programme.MilestoneForm;
import org.tongxin.programme.ProgrammeMap;
import org.tongxin.programme.Project;
import org.tongxin.programme.ProjectFilter;
import org.tongxin.programme.ProjectForm;
import org.tongxin.programme.ProjectId;
import org.tongxin.programme.ProjectResult;
import org.tongxin.programme.ProjectStatus;
import org.tongxin.programme.ReportKind;
import org.tongxin.programme.ReportId;
import org.tongxin.programme.ReviewRound;
import org.tongxin.programme.ReviewRoundId;
import org.tongxin.programme.RoundForm;
import org.tongxin.programme.RoundResults;
import org.tongxin.programme.Score;
import org.tongxin.programme.SiteKind;
import org.tongxin.programme.TargetGroup;
import org.tongxin.programme.Tier;
import org.tongxin.programme.AssignmentState;
import org.tongxin.programme.internal.Assignments;
import org.tongxin.programme.internal.Batches;
import org.tongxin.programme.internal.Cases;
import org.tongxin.programme.internal.Indicators;
import org.tongxin.programme.internal.Milestones;
import org.tongxin.programme.internal.Projects;
import org.tongxin.programme.internal.Reports;
import org.tongxin.programme.internal.ReviewRounds;
import org.tongxin.programme.internal.Reviewers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's review: the four reviewers, the closed round “2018年中期推动” over batch 1 with scores from
 * every reviewer without a conflict of interest, and exemplary cases promoted from batch-1 projects, one
 * adopted by another city. Loaded once, in demo mode only, after the key projects; when the 15 batch-1
 * projects of the seed are not there yet it adds them, so that the round has something to rank.
 */
@Component
@Order(30)
class ReviewDemoData implements ApplicationRunner {

	private static final String SYSTEM = "system";

	private static final DataScope EVERYTHING = new DataScope(UnitId.CENTRAL, "1");

	private record DemoReviewer(String username, String name, long homeCity, String expertise) {
	}

	private static final List<DemoReviewer> REVIEWERS = List.of(
			new DemoReviewer("reviewer", "评审专家（北京）", 110000, "新媒体、网络人士统战工作"),
			new DemoReviewer("reviewer2", "评审专家（上海）", 310000, "社会组织、联谊组织建设"),
			new DemoReviewer("reviewer3", "评审专家（广州）", 440100, "自由职业人员、数据库建设"),
			new DemoReviewer("reviewer4", "评审专家（西安）", 610100, "文化艺术界、品牌活动"));

	/** A seed project: where, what, whom, and one indicator with its target and the value reported by autumn 2018. */
	private record DemoProject(long unit, String title, String carrier, List<TargetGroup> groups, String focus,
			String indicator, String measure, int baseline, int target, int latest, int quality) {
	}

	private static final List<DemoProject> PROJECTS = List.of(
			new DemoProject(110000, "新媒体企业统战工作联络站", "新媒体企业联络站", List.of(TargetGroup.NEW_MEDIA),
					"在新媒体企业设立联络站，探索引导新媒体从业人员的新路径", "设立联络站", "个", 0, 20, 14, 84),
			new DemoProject(120000, "外商投资企业管理技术人员“心·家园”", "心·家园", List.of(TargetGroup.ENTERPRISE),
					"用“五心”级服务加深感情、增进认同", "服务人次", "人次", 0, 5000, 3600, 80),
			new DemoProject(510107, "芳草社区“同心家园”", "同心家园", List.of(TargetGroup.INTERMEDIARY, TargetGroup.FREELANCE),
					"依托社区汇聚社会组织，共同开展公益活动，加强政治引领", "聚集社会组织", "家", 10, 28, 28, 90),
			new DemoProject(330100, "网络作家村", "网络作家村", List.of(TargetGroup.NEW_MEDIA, TargetGroup.FREELANCE),
					"投资兴建网络作家村，出台资助措施，正向引领网络作家", "入驻网络作家", "人", 0, 100, 72, 86),
			new DemoProject(440100, "“自雇自足”自由职业人员数据库", "自雇自足", List.of(TargetGroup.FREELANCE),
					"依托品牌系列活动建立规模庞大的自由职业人员数据库", "入库人数", "人", 0, 10000, 8200, 83),
			new DemoProject(410108, "“良库工舍同心园区”人才储备", "良库工舍同心园区", List.of(TargetGroup.ENTERPRISE),
					"以园区为主阵地建立人才储备制度", "储备人才", "人", 0, 300, 180, 74),
			new DemoProject(370200, "新媒体从业人员综合评价体系", "综合评价体系", List.of(TargetGroup.NEW_MEDIA),
					"探索建立新媒体从业人员综合评价体系", "参评人数", "人", 0, 500, 260, 76),
			new DemoProject(310000, "新的社会阶层人士联谊会与自媒体联盟", "自媒体联盟",
					List.of(TargetGroup.NEW_MEDIA, TargetGroup.ENTERPRISE), "成立联谊会、自媒体联盟等各类组织平台", "联盟成员", "人",
					0, 400, 350, 85),
			new DemoProject(320100, "新媒体从业人员之家“南京好朋友”", "南京好朋友", List.of(TargetGroup.NEW_MEDIA),
					"建立新媒体从业人员之家", "开展活动", "场", 0, 48, 40, 79),
			new DemoProject(610100, "“半坡艺术联盟”与“正行·凝心”系列活动", "半坡艺术联盟", List.of(TargetGroup.FREELANCE),
					"以文化为桥梁和媒介开展“正行·凝心”系列活动", "联盟成员", "人", 0, 200, 150, 81),
			new DemoProject(210200, "商务楼宇“三三五创标活动”", "三三五创标活动", List.of(TargetGroup.ENTERPRISE),
					"在城市中心区近百座商务楼宇中打造楼宇统战工作品牌", "覆盖商务楼宇", "座", 20, 100, 96, 88),
			new DemoProject(500103, "“U创空间”三方联动工作模式", "U创空间",
					List.of(TargetGroup.ENTERPRISE, TargetGroup.INTERMEDIARY), "探索“党委+群团+社会组织”三方联动工作模式",
					"入驻社会组织", "家", 0, 30, 22, 82),
			new DemoProject(420105, "“1+3+M+N”工作架构与“知音汇”示范点", "知音汇",
					List.of(TargetGroup.INTERMEDIARY, TargetGroup.FREELANCE), "构建“1+3+M+N”工作架构，共同打造创新示范点", "成员单位",
					"家", 0, 40, 31, 80),
			new DemoProject(440300, "园区示范点建设", "园区示范点", List.of(TargetGroup.ENTERPRISE, TargetGroup.NEW_MEDIA),
					"2年打造4个园区示范点，支持园区社会力量参与创新试点", "园区示范点", "个", 0, 4, 4, 87),
			new DemoProject(350103, "“金领E家”统战工作新平台", "金领E家", List.of(TargetGroup.ENTERPRISE, TargetGroup.INTERMEDIARY),
					"整合各方力量打造统战工作新平台", "服务白领", "人", 0, 3000, 2100, 77));

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

	private final Batches batches;

	private final Projects projects;

	private final Indicators indicators;

	private final Milestones milestones;

	private final Reports reports;

	private final Reviewers reviewers;

	private final ReviewRounds rounds;

	private final Assignments assignments;

	private final Cases cases;

	private final AuditLog audit;

	private final JsonMapper json;

	ReviewDemoData(DemoMode demoMode, JdbcClient jdbc, Units units, ProgrammeMap programme, Batches batches,
			Projects projects, Indicators indicators, Milestones milestones, Reports reports, Reviewers reviewers,
			ReviewRounds rounds, Assignments assignments, Cases cases, AuditLog audit, JsonMapper json) {
		this.demoMode = demoMode;
		this.jdbc = jdbc;
		this.units = units;
		this.programme = programme;
		this.batches = batches;
		this.projects = projects;
		this.indicators = indicators;
		this.milestones = milestones;
		this.reports = reports;
		this.reviewers = reviewers;
		this.rounds = rounds;
		this.assignments = assignments;
		this.cases = cases;
		this.audit = audit;
		this.json = json;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
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
		BatchId batch = batchOne();
		List<Project> batchProjects = projectsOf(batch);
		if (batchProjects.isEmpty()) {
			for (DemoProject demo : PROJECTS) {
				addProject(batch, demo);
			}
			batchProjects = projectsOf(batch);
		}
		closedRound(batch, batchProjects);
		promoteCases(batchProjects);
	}

	private BatchId batchOne() {
		return batches.findByNumber(1)
			.map(Batch::id)
			.orElseGet(() -> batches.insert(new BatchForm(1, 2017, "第一批重点项目", 15, LocalDate.of(2017, 4, 1),
					LocalDate.of(2017, 5, 31))));
	}

	private List<Project> projectsOf(BatchId batch) {
		try (var rows = projects.stream(EVERYTHING, new ProjectFilter(batch.value(), null, null, null))) {
			return rows.toList();
		}
	}

	private void addProject(BatchId batch, DemoProject demo) {
		UnitId unit = new UnitId(demo.unit());
		UnitId city = programme.cityOf(unit);
		ProjectForm form = new ProjectForm(batch.value(), demo.unit(), demo.title(), demo.carrier(), demo.groups(),
				demo.focus(), null, demo.indicator() + "达到" + demo.target() + demo.measure(), demo.focus(), null, null,
				null, LocalDate.of(2017, 6, 1), LocalDate.of(2019, 12, 31), List.of());
		ProjectId id = projects.insert(form, batch, unit, units.place(unit), city, units.get(city).name(),
				ProjectStatus.IN_PROGRESS);
		projects.event(id, "CREATED", ProjectStatus.PLANNED.name(), SYSTEM);
		IndicatorId indicator = indicators.insert(id, new IndicatorForm(demo.indicator(), demo.measure(),
				BigDecimal.valueOf(demo.baseline()), BigDecimal.valueOf(demo.target())));
		milestones.insert(id, new MilestoneForm("制定实施方案并启动", LocalDate.of(2017, 9, 30)), LocalDate.of(2017, 9, 20));
		milestones.insert(id, new MilestoneForm("中期自评并报送进展", LocalDate.of(2018, 10, 31)), LocalDate.of(2018, 10, 25));
		milestones.insert(id, new MilestoneForm("总结经验、形成制度成果", LocalDate.of(2019, 12, 31)), null);
		ReportId report = reports.insert(id, ReportKind.PERIODIC, "2018-Q3",
				demo.carrier() + "进展顺利：" + demo.indicator() + "已达" + demo.latest() + demo.measure() + "。", SYSTEM,
				LocalDate.of(2018, 10, 8).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
		reports.putValues(report, Map.of(indicator, BigDecimal.valueOf(demo.latest())));
		audit.append(SYSTEM, UnitId.CENTRAL, AuditLog.Action.CREATE, "programme-project", id,
				Map.of("after", Map.of("title", demo.title(), "demo", true)), null);
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

	/** The seed's quality of a project, by title; projects someone else entered get a middling 80. */
	private static int quality(Project project) {
		return PROJECTS.stream()
			.filter(d -> d.title().equals(project.title()))
			.map(DemoProject::quality)
			.findFirst()
			.orElse(80);
	}

	private void promoteCases(List<Project> batchProjects) {
		promote(batchProjects, "同心家园", "成都“同心家园”：社区平台汇聚社会组织",
				"成都市依托武侯区芳草社区“同心家园”，汇聚 28 家社会组织，以共同开展公益活动为纽带，把社会组织从业人员和自由职业人员团结在社区党组织周围。",
				"社区党组织牵头、统战部门搭台、社会组织唱戏；以公益项目为载体，人士有事做、有平台、有认同。",
				"选择社会组织集中的社区建立“之家”；梳理辖区社会组织名录；每季度共商公益项目清单；以项目化方式持续运行。",
				List.of(SiteKind.COMMUNITY), "社区平台，公益项目，党建引领", Optional.of(new UnitId(420105)));
		promote(batchProjects, "三三五创标", "大连“三三五创标活动”：楼宇统战工作品牌",
				"大连市在城市中心区近百座商务楼宇中开展“三三五创标活动”，建立楼宇工作站，打造楼宇统战工作品牌。",
				"楼宇党建与统战工作同步推进；标准化的创标流程让每座楼宇都知道做什么、怎么做。",
				"摸清楼宇底数；按“三三五”标准逐楼创建；楼宇工作站与物业、入驻企业联动；年度评标、挂牌。",
				List.of(SiteKind.BUILDING), "楼宇统战，标准化，党建引领", Optional.of(new UnitId(440300)));
		promote(batchProjects, "知音汇", "武汉汉阳“1+3+M+N”与“知音汇”",
				"汉阳区构建“1+3+M+N”工作架构，多方共同打造“知音汇”创新示范点。",
				"一个核心、三方联动、多个成员单位和若干活动项目，各方职责清晰。",
				"明确牵头单位；建立成员单位联席会议；以“知音汇”品牌整合活动资源。", List.of(SiteKind.COMMUNITY), "多方联动，品牌活动",
				Optional.empty());
	}

	private void promote(List<Project> batchProjects, String titlePart, String title, String summary, String factors,
			String replication, List<SiteKind> kinds, String mechanisms, Optional<UnitId> adopter) {
		batchProjects.stream().filter(p -> p.title().contains(titlePart)).findFirst().ifPresent(project -> {
			CaseForm form = new CaseForm(project.id().value(), title, summary, factors, replication,
					List.copyOf(project.targetGroups()), kinds, mechanisms, List.of());
			CaseId id = cases.insert(form, project.unit(), project.place(), SYSTEM);
			cases.publish(id, true);
			jdbc.sql("update programme_case set published_at = '2018-11-29 10:00:00+08' where id = ?")
				.param(id.value())
				.update();
			audit.append(SYSTEM, UnitId.CENTRAL, AuditLog.Action.CREATE, "programme-case", id,
					Map.of("after", Map.of("title", title, "demo", true)), null);
			adopter.ifPresent(unit -> {
				cases.adopt(id, unit, units.place(unit), "已组织专题学习，正在结合本地实际借鉴推广。",
						unit.value() == 440300 ? "shenzhen" : SYSTEM);
				audit.append(SYSTEM, UnitId.CENTRAL, AuditLog.Action.CREATE, "programme-case-adoption", id,
						Map.of("after", Map.of("unit", unit.value(), "demo", true)), null);
			});
		});
	}
}
