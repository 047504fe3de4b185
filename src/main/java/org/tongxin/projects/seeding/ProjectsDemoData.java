package org.tongxin.projects.seeding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.DemoMode;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.Units;
import org.tongxin.programme.SiteId;
import org.tongxin.programme.SiteKind;
import org.tongxin.programme.seeding.ProgrammeSeeding;
import org.tongxin.projects.BatchForm;
import org.tongxin.projects.BatchId;
import org.tongxin.projects.CaseForm;
import org.tongxin.projects.CaseId;
import org.tongxin.projects.IndicatorForm;
import org.tongxin.projects.IndicatorId;
import org.tongxin.projects.KeyProjects;
import org.tongxin.projects.MilestoneForm;
import org.tongxin.projects.Project;
import org.tongxin.projects.ProjectFilter;
import org.tongxin.projects.ProjectForm;
import org.tongxin.projects.ProjectId;
import org.tongxin.projects.ProjectStatus;
import org.tongxin.projects.ReportId;
import org.tongxin.projects.ReportKind;
import org.tongxin.projects.internal.Batches;
import org.tongxin.projects.internal.Cases;
import org.tongxin.projects.internal.Indicators;
import org.tongxin.projects.internal.Milestones;
import org.tongxin.projects.internal.Projects;
import org.tongxin.projects.internal.Reports;

/**
 * The first batch of key projects as the seed describes them — one per pilot city, retold in our own
 * words — with indicators, milestones and the quarterly reports of 2018 that led up to the mid-term
 * meeting in Shenzhen; and the second batch (36 planned), empty and ready for entry. Demo mode only,
 * after the demonstration sites (which the projects link to).
 */
@Component
public class ProjectsDemoData {

	private static final TargetGroup ENT = TargetGroup.ENTERPRISE;

	private static final TargetGroup INT = TargetGroup.INTERMEDIARY;

	private static final TargetGroup FREE = TargetGroup.FREELANCE;

	private static final TargetGroup MEDIA = TargetGroup.NEW_MEDIA;

	/** An indicator with the values reported for 2018-Q2 and 2018-Q3 (null: not reported that quarter). */
	private record Ind(String name, String unit, int baseline, int target, @Nullable Integer q2, @Nullable Integer q3) {
	}

	/** A milestone; done null means still open. */
	private record Step(String title, LocalDate due, @Nullable LocalDate done) {
	}

	private record Demo(long unit, String title, String carrier, List<TargetGroup> groups, String focus,
			String background, String goals, String measures, String responsible, String partners, int budget,
			ProjectStatus status, List<String> sites, List<Ind> indicators, List<Step> steps, @Nullable String q2,
			String q3) {
	}

	private static LocalDate d(int y, int m, int day) {
		return LocalDate.of(y, m, day);
	}

	private static final List<Demo> PROJECTS = List.of(
			new Demo(110000, "新媒体企业统战工作联络站建设", "新媒体企业联络站", List.of(MEDIA),
					"在新媒体企业内部设站，把联系和引导工作做到企业里", "首都新媒体企业集中，从业人员年轻、流动快，传统方式难以联系到人。",
					"在重点新媒体企业建立联络站，形成常态化联系、引导和服务机制。", "选定重点企业挂牌设站；每站明确联络员；定期举办座谈、培训和交流活动。",
					"北京市委统战部新的社会阶层人士工作处", "海淀区、朝阳区委统战部；相关新媒体企业", 120, ProjectStatus.IN_PROGRESS,
					List.of("海淀区新媒体企业联络站", "朝阳区新媒体企业联络站"),
					List.of(new Ind("建成联络站", "个", 0, 20, 12, 16), new Ind("联系新媒体从业人员", "人", 0, 2000, 1100, 1500)),
					List.of(new Step("首批联络站挂牌", d(2017, 9, 30), d(2017, 9, 20)), new Step("联络员培训完成", d(2018, 6, 30), d(2018, 6, 15)),
							new Step("联络站覆盖 20 家重点企业", d(2019, 6, 30), null)),
					"新增联络站 4 个，组织联络员集中培训一次。", "本季度新挂牌 4 个联络站，累计 16 个；举办网络人士座谈 3 场。"),
			new Demo(120000, "外商投资企业管理技术人员“心·家园”", "心·家园", List.of(ENT),
					"以“五心”服务凝聚外企管理技术人员", "滨海新区外商投资企业多，管理技术人员对统战工作了解少。",
					"建设“心·家园”服务阵地，用贴心服务加深感情、增进认同。", "提供暖心、贴心、关心、用心、同心的“五心”服务；组织联谊交流和政策宣讲。",
					"天津市委统战部", "滨海新区委统战部；区外商投资企业协会", 80, ProjectStatus.IN_PROGRESS, List.of("“心·家园”服务站"),
					List.of(new Ind("服务外企管理技术人员", "人次", 0, 3000, 1600, 2200), new Ind("开展“五心”服务活动", "场", 0, 40, 18, 26)),
					List.of(new Step("“心·家园”服务站启用", d(2017, 10, 31), d(2017, 10, 10)), new Step("“五心”服务清单发布", d(2018, 3, 31), d(2018, 3, 20))),
					"完成服务清单宣传，开展活动 8 场。", "开展“五心”服务活动 8 场，累计 26 场；服务 2200 人次。"),
			new Demo(510100, "芳草社区“同心家园”", "同心家园", List.of(INT, FREE),
					"依托社区聚合社会组织，以公益活动加强政治引领", "武侯区芳草社区社会组织集中，自由职业人员多。",
					"以“同心家园”汇聚社会组织，共同开展公益活动，把政治引领融入服务。", "社会组织入驻“同心家园”；每月联合开展公益活动；建立组织负责人联系制度。",
					"成都市委统战部", "武侯区委统战部；芳草街道；入驻社会组织", 60, ProjectStatus.IN_PROGRESS, List.of("芳草社区“同心家园”"),
					List.of(new Ind("汇聚社会组织", "家", 5, 28, 22, 28), new Ind("联合开展公益活动", "场", 0, 36, 15, 21)),
					List.of(new Step("“同心家园”挂牌", d(2017, 5, 31), d(2017, 5, 12)), new Step("入驻社会组织达到 28 家", d(2018, 9, 30), d(2018, 9, 18))),
					"入驻社会组织增至 22 家，开展公益活动 6 场。", "入驻社会组织达到 28 家，实现年度目标；开展公益活动 6 场。"),
			new Demo(330100, "网络作家村", "网络作家村", List.of(MEDIA, FREE),
					"投资建设网络作家村，以资助措施正向引领网络作家", "网络作家群体规模大、分布散、作品影响广。",
					"建成网络作家村，出台资助办法，引导网络作家创作正能量作品。", "建设创作和交流空间；出台入驻与资助办法；组织采风和研讨。",
					"杭州市委统战部", "滨江区委统战部；市网络作家协会", 500, ProjectStatus.IN_PROGRESS, List.of("网络作家村"),
					List.of(new Ind("入驻网络作家", "人", 0, 100, 60, 78), new Ind("获资助作品", "部", 0, 30, 10, 14)),
					List.of(new Step("作家村开村", d(2017, 12, 31), d(2017, 12, 15)), new Step("资助办法出台", d(2018, 6, 30), d(2018, 7, 20)),
							new Step("二期创作空间投入使用", d(2019, 3, 31), null)),
					null, "新入驻网络作家 18 人，累计 78 人；资助作品 4 部。"),
			new Demo(440100, "自由职业人员数据库与“自雇自足”系列活动", "自雇自足", List.of(FREE),
					"以品牌活动聚人，以数据库摸清底数", "自由职业人员不依附单位，底数不清、联系困难。",
					"通过“自雇自足”系列活动建立规模较大的自由职业人员数据库。", "举办“自雇自足”系列分享和服务活动；活动报名同步入库；按行业分类联系。",
					"广州市委统战部", "市人力资源和社会保障局；各区委统战部", 90, ProjectStatus.IN_PROGRESS, List.of(),
					List.of(new Ind("数据库收录自由职业人员", "人", 0, 10000, 5200, 7300), new Ind("“自雇自足”活动", "场", 0, 24, 9, 13)),
					List.of(new Step("数据库上线", d(2017, 12, 31), d(2018, 1, 15)), new Step("按行业完成分类", d(2018, 12, 31), null)),
					"数据库收录 5200 人，活动 4 场。", "收录自由职业人员 7300 人；开展“自雇自足”活动 4 场。"),
			new Demo(410108, "“良库工舍同心园区”人才储备", "良库工舍同心园区", List.of(ENT, FREE),
					"以园区为主阵地建立新的社会阶层人士人才储备制度", "惠济区文创园区聚集大量新的社会阶层人士。",
					"以“良库工舍同心园区”为阵地，建立人才发现、储备和使用的制度。", "建立人才推荐和考察程序；建立储备库；组织实践锻炼。",
					"惠济区委统战部", "郑州市委统战部；园区管理方", 40, ProjectStatus.IN_PROGRESS, List.of("良库工舍同心园区"),
					List.of(new Ind("纳入储备人才", "人", 0, 60, 25, 38)),
					List.of(new Step("人才储备制度印发", d(2018, 4, 30), d(2018, 4, 28))), null, "新纳入储备人才 13 人，累计 38 人。"),
			new Demo(370200, "新媒体从业人员综合评价体系", "综合评价体系", List.of(MEDIA),
					"探索新媒体从业人员的综合评价", "如何客观评价新媒体从业人员缺少可依据的标准。",
					"建立一套可操作的新媒体从业人员综合评价指标体系并试运行。", "研究评价指标和权重；在部分平台试评；根据试评结果修订。",
					"青岛市委统战部", "市委网信办；高校研究团队", 30, ProjectStatus.AT_RISK, List.of(),
					List.of(new Ind("完成试评价", "人", 0, 200, 40, 60)),
					List.of(new Step("评价指标初稿", d(2018, 3, 31), d(2018, 4, 30)), new Step("试评价完成", d(2018, 9, 30), null)),
					"评价指标初稿完成，征求意见中。", "试评价推进慢于计划，已完成 60 人；参评平台数量不足。"),
			new Demo(310000, "新的社会阶层人士联谊会与自媒体联盟", "自媒体联盟", List.of(MEDIA, INT, FREE),
					"以组织平台把新的社会阶层人士“组织起来”", "各群体分散，缺少可以归属的组织平台。",
					"成立新的社会阶层人士联谊会、自媒体联盟等组织平台并规范运行。", "筹建联谊会和自媒体联盟；制定章程；定期开展活动。",
					"上海市委统战部", "静安区委统战部；市网络文化协会", 150, ProjectStatus.IN_PROGRESS, List.of("静安区自媒体联盟活动中心"),
					List.of(new Ind("联盟成员", "个", 0, 150, 90, 120), new Ind("组织平台", "个", 0, 5, 4, 5)),
					List.of(new Step("自媒体联盟成立", d(2018, 3, 31), d(2018, 3, 8))), null, "联盟成员增至 120 个；区级联谊会全部成立。"),
			new Demo(320100, "新媒体从业人员之家“南京好朋友”", "南京好朋友", List.of(MEDIA),
					"为新媒体从业人员建一个“家”", "新媒体从业人员工作节奏快，缺少交流和归属。",
					"建成“南京好朋友”之家，成为新媒体从业人员交流、学习和服务的平台。", "建设活动空间；组织沙龙和培训；建立线上社群。",
					"南京市委统战部", "建邺区委统战部", 50, ProjectStatus.IN_PROGRESS, List.of("“南京好朋友”新媒体从业人员之家"),
					List.of(new Ind("注册成员", "人", 0, 800, 420, 560)),
					List.of(new Step("之家启用", d(2018, 5, 31), d(2018, 5, 20))), null, "举办沙龙 5 场，注册成员 560 人。"),
			new Demo(610100, "“半坡艺术联盟”与“正行·凝心”系列活动", "正行·凝心", List.of(FREE),
					"以文化为桥梁凝聚艺术类自由职业人员", "半坡艺术区聚集大量艺术家和设计师。",
					"依托“半坡艺术联盟”开展“正行·凝心”系列活动，增进艺术工作者的政治认同。", "组建艺术联盟；策划系列展览和公益创作；开展主题学习。",
					"西安市委统战部", "灞桥区委统战部；半坡艺术联盟", 70, ProjectStatus.IN_PROGRESS, List.of("半坡艺术区"),
					List.of(new Ind("“正行·凝心”活动", "场", 0, 20, 8, 12), new Ind("联盟成员", "人", 30, 200, 120, 150)),
					List.of(new Step("艺术联盟成立", d(2017, 6, 30), d(2017, 6, 18))), null, "开展“正行·凝心”活动 4 场，联盟成员 150 人。"),
			new Demo(210200, "商务楼宇“三三五创标活动”", "三三五创标活动", List.of(ENT, INT),
					"在城市中心区商务楼宇打造楼宇统战工作品牌", "中心城区近百座商务楼宇集中了大量新的社会阶层人士。",
					"在约 100 座商务楼宇开展“三三五创标活动”，形成楼宇统战工作品牌。", "逐楼建立工作站或联络员；按标准创建达标楼宇；年度评选示范楼宇。",
					"大连市委统战部", "中山区、西岗区委统战部；楼宇物业", 100, ProjectStatus.IN_PROGRESS,
					List.of("大连国际金融中心楼宇工作站", "西岗区商务楼宇联络站"),
					List.of(new Ind("覆盖商务楼宇", "座", 0, 100, 70, 92), new Ind("达标楼宇", "座", 0, 30, 12, 18)),
					List.of(new Step("创标标准发布", d(2017, 8, 31), d(2017, 8, 20)), new Step("覆盖 100 座楼宇", d(2018, 12, 31), null)),
					"覆盖楼宇 70 座。", "覆盖楼宇 92 座，达标楼宇 18 座。"),
			new Demo(500103, "“U创空间”三方联动", "U创空间", List.of(ENT, FREE, MEDIA),
					"探索“党委+群团+社会组织”三方联动工作模式", "渝中区创业者集中，各方力量分散。",
					"在“U创空间”形成党委领导、群团参与、社会组织运作的联动机制。", "建立三方联席会议；共建服务项目；共享阵地和资源。",
					"渝中区委统战部", "区团委、区妇联、区工商联；入驻社会组织", 45, ProjectStatus.IN_PROGRESS, List.of("U创空间"),
					List.of(new Ind("三方联席会议", "次", 0, 8, 3, 5), new Ind("共建服务项目", "个", 0, 12, 5, 7)),
					List.of(new Step("三方联动机制建立", d(2017, 12, 31), d(2017, 12, 10)), new Step("共建项目达到 12 个", d(2019, 6, 30), null)),
					"召开联席会议一次，新增共建项目 2 个。", "召开联席会议 2 次，新增共建项目 2 个。"),
			new Demo(420105, "“1+3+M+N”工作架构与“知音汇”示范点", "知音汇", List.of(ENT, INT, FREE, MEDIA),
					"构建“1+3+M+N”工作架构，共同打造示范点", "汉阳区力量分散，缺少统筹。",
					"以“1+3+M+N”架构统筹各方，打造“知音汇”创新示范点。", "一个牵头部门、三类骨干力量、多个协作单位、若干服务项目；建设“知音汇”阵地。",
					"汉阳区委统战部", "武汉市委统战部；区内园区和社会组织", 55, ProjectStatus.COMPLETED, List.of("汉阳“知音汇”活动阵地"),
					List.of(new Ind("协作单位", "家", 0, 20, 18, 20)),
					List.of(new Step("“知音汇”示范点建成", d(2018, 6, 30), d(2018, 6, 20))), null, "协作单位达到 20 家，示范点建成并通过验收。"),
			new Demo(440300, "园区示范点建设", "园区示范点", List.of(ENT, MEDIA),
					"两年打造四个园区示范点，支持园区社会力量参与", "深圳科技园区和产业园区密集，新的社会阶层人士集中。",
					"两年内建成 4 个园区示范点，形成可复制的园区统战工作模式。", "选定园区；与园区管理方共建阵地；引导园区社会力量参与创新试点。",
					"深圳市委统战部", "南山、福田、宝安、龙岗区委统战部；园区管理方", 200, ProjectStatus.IN_PROGRESS,
					List.of("南山区科技园新阶层人士示范点", "福田区车公庙产业园示范点", "宝安区互联网产业园示范点", "龙岗区天安云谷示范点"),
					List.of(new Ind("建成园区示范点", "个", 0, 4, 3, 4), new Ind("参与的园区社会力量", "家", 0, 40, 22, 31)),
					List.of(new Step("首个园区示范点建成", d(2017, 6, 30), d(2017, 6, 1)), new Step("4 个示范点全部建成", d(2018, 12, 31), d(2018, 6, 1))),
					"第 3 个示范点建成。", "4 个园区示范点全部建成，参与社会力量 31 家。"),
			new Demo(350103, "“金领E家”统战工作平台", "金领E家", List.of(ENT, INT),
					"整合各方力量打造统战工作新平台", "台江区商务楼宇白领集中，服务资源分散。",
					"打造“金领E家”平台，为楼宇白领和新的社会阶层人士提供一站式服务。", "整合部门和社会资源；线上线下结合服务；定期举办主题活动。",
					"台江区委统战部", "福州市委统战部；区内商务楼宇", 35, ProjectStatus.IN_PROGRESS, List.of("台江区“金领E家”"),
					List.of(new Ind("注册会员", "人", 0, 1500, 700, 980)),
					List.of(new Step("平台上线", d(2017, 7, 31), d(2017, 7, 1))), null, "注册会员 980 人，举办主题活动 3 场。"));

	private final DemoMode demoMode;

	private final Batches batches;

	private final Projects projects;

	private final Indicators indicators;

	private final Milestones milestones;

	private final Reports reports;

	private final ProgrammeSeeding programme;

	private final Cases cases;

	private final JdbcClient jdbc;

	private final Units units;

	private final AuditLog audit;

	private final KeyProjects keyProjects;

	private final Clock clock;

	ProjectsDemoData(DemoMode demoMode, Batches batches, Projects projects, Indicators indicators, Milestones milestones,
			Reports reports, ProgrammeSeeding programme, Cases cases, JdbcClient jdbc, Units units, AuditLog audit,
			KeyProjects keyProjects, Clock clock) {
		this.clock = clock;
		this.keyProjects = keyProjects;
		this.demoMode = demoMode;
		this.batches = batches;
		this.projects = projects;
		this.indicators = indicators;
		this.milestones = milestones;
		this.reports = reports;
		this.programme = programme;
		this.cases = cases;
		this.jdbc = jdbc;
		this.units = units;
		this.audit = audit;
	}

	@Transactional
	public void seed() {
		if (!demoMode.enabled() || !batches.all().isEmpty()) {
			return;
		}
		BatchId first = batch(new BatchForm(1, 2017, "第一批重点项目", 15, d(2017, 3, 1), d(2017, 4, 30)));
		batch(new BatchForm(2, 2018, "第二批重点项目", 36, d(2018, 3, 1), d(2018, 5, 31)));
		for (Demo demo : PROJECTS) {
			project(first, demo);
		}
		try (var rows = projects.stream(DataScope.everywhere(), new ProjectFilter(first.value(), null, null, null))) {
			promoteCases(rows.toList());
		}
	}

	private BatchId batch(BatchForm form) {
		BatchId id = batches.insert(form);
		audit.append("system", UnitId.CENTRAL, AuditLog.Action.CREATE, "programme-batch", id,
				Map.of("after", Map.of("title", form.title(), "demo", true)), null);
		return id;
	}

	private void project(BatchId batch, Demo demo) {
		Unit unit = units.get(new UnitId(demo.unit()));
		UnitId city = units.cityOf(unit).id();
		ProjectForm form = new ProjectForm(batch.value(), demo.unit(), demo.title(), demo.carrier(), demo.groups(),
				demo.focus(), demo.background(), demo.goals(), demo.measures(), demo.responsible(), demo.partners(),
				BigDecimal.valueOf(demo.budget()), d(2017, 6, 1), d(2019, 12, 31), List.of());
		ProjectId id = projects.insert(form, batch, unit.id(), keyProjects.placeOf(unit), city, units.get(city).name(),
				demo.status());
		projects.replaceSites(id, siteIds(demo.sites()));
		projects.event(id, "CREATED", ProjectStatus.PLANNED.name(), "system", at(d(2017, 5, 15)));
		projects.event(id, "STATUS", ProjectStatus.IN_PROGRESS.name(), "system", at(d(2017, 6, 1)));
		if (demo.status() != ProjectStatus.IN_PROGRESS) {
			projects.event(id, "STATUS", demo.status().name(), "system", at(d(2018, 10, 20)));
		}
		Map<Ind, IndicatorId> ids = new LinkedHashMap<>();
		for (Ind ind : demo.indicators()) {
			ids.put(ind, indicators.insert(id, new IndicatorForm(ind.name(), ind.unit(), BigDecimal.valueOf(ind.baseline()),
					BigDecimal.valueOf(ind.target()))));
		}
		for (Step step : demo.steps()) {
			milestones.insert(id, new MilestoneForm(step.title(), step.due()), step.done());
		}
		if (demo.q2() != null) {
			report(id, "2018-Q2", demo.q2(), d(2018, 7, 10), ids, true);
		}
		ReportId q3 = report(id, "2018-Q3", demo.q3(), d(2018, 10, 12), ids, false);
		if (demo.status() == ProjectStatus.AT_RISK) {
			String comment = "请说明试评价进度滞后的原因和补救措施，并补充参评平台名单。";
			reports.markReturned(q3, "central", comment);
			projects.event(id, "RETURNED", comment, "central", at(d(2018, 10, 25)));
		}
		audit.append("system", UnitId.CENTRAL, AuditLog.Action.CREATE, "programme-project", id,
				Map.of("after", Map.of("title", demo.title(), "demo", true)), null);
	}

	private ReportId report(ProjectId project, String period, String text, LocalDate on, Map<Ind, IndicatorId> ids,
			boolean q2) {
		ReportId report = reports.insert(project, ReportKind.PERIODIC, period, text, "system", at(on));
		Map<IndicatorId, BigDecimal> values = new LinkedHashMap<>();
		ids.forEach((ind, indicator) -> {
			Integer value = q2 ? ind.q2() : ind.q3();
			if (value != null) {
				values.put(indicator, BigDecimal.valueOf(value));
			}
		});
		reports.putValues(report, values);
		projects.event(project, "REPORTED", period, "system", at(on));
		return report;
	}

	private List<SiteId> siteIds(List<String> names) {
		List<SiteId> ids = new ArrayList<>();
		for (String name : names) {
			programme.siteNamed(name).ifPresent(ids::add);
		}
		return ids;
	}

	private Instant at(LocalDate date) {
		return date.atTime(10, 0).atZone(clock.getZone()).toInstant();
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
			CaseId id = cases.insert(form, project.unit(), project.place(), "system");
			cases.publish(id, true);
			jdbc.sql("update programme_case set published_at = '2018-11-29 10:00:00+08' where id = ?")
				.param(id.value())
				.update();
			audit.append("system", UnitId.CENTRAL, AuditLog.Action.CREATE, "programme-case", id,
					Map.of("after", Map.of("title", title, "demo", true)), null);
			adopter.ifPresent(unit -> {
				cases.adopt(id, unit, units.place(unit), "已组织专题学习，正在结合本地实际借鉴推广。",
						unit.value() == 440300 ? "shenzhen" : "system");
				audit.append("system", UnitId.CENTRAL, AuditLog.Action.CREATE, "programme-case-adoption", id,
						Map.of("after", Map.of("unit", unit.value(), "demo", true)), null);
			});
		});
	}
}
