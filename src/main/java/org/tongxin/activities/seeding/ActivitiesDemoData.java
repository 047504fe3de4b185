package org.tongxin.activities.seeding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.activities.Activities;
import org.tongxin.activities.Audience;
import org.tongxin.activities.EventForm;
import org.tongxin.activities.EventId;
import org.tongxin.activities.EventKind;
import org.tongxin.activities.RegistrationId;
import org.tongxin.activities.RegistrationStatus;
import org.tongxin.activities.SeriesForm;
import org.tongxin.activities.SeriesId;
import org.tongxin.activities.internal.AllSeries;
import org.tongxin.activities.internal.Enrolments;
import org.tongxin.activities.internal.Events;
import org.tongxin.organisations.seeding.OrganisationSeeding;
import org.tongxin.people.PersonFilter;
import org.tongxin.people.PersonId;
import org.tongxin.people.seeding.PeopleSeeding;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.DemoMode;
import org.tongxin.platform.UnitId;

/**
 * The brand series the seed names — 西安 “正行·凝心” of the 半坡艺术联盟, 汉阳区 “知音汇”, 广州 “自雇自足” for
 * freelancers, 大连 “三三五创标活动” in commercial buildings, and “同心家园” in 成都 (芳草社区) and 上海 (自媒体联盟) —
 * with past events attended by demo people of that city (70–90 %), volunteer hours and feedback, and upcoming
 * events open for registration, one of them full with a waiting list. Demo mode only, once; organisations
 * are linked when the organisations module's demo data created them.
 */
@Component
public class ActivitiesDemoData {

	private static final Logger log = LoggerFactory.getLogger(ActivitiesDemoData.class);

	private record Ev(String title, EventKind kind, int dayOffset, int startHour, int hours, int capacity,
			@Nullable String address) {
	}

	private record Demo(long unit, String name, String description, @Nullable String organisation,
			@Nullable String group, List<Ev> events) {
	}

	private static final List<Demo> DEMOS = List.of(
			new Demo(610100, "正行·凝心", "西安市“半坡艺术联盟”以文化为桥梁和媒介开展的系列活动，凝聚文艺界新的社会阶层人士。",
					"半坡艺术联盟", null, List.of(
							new Ev("正行·凝心 文化沙龙：传统艺术与当代创作", EventKind.NETWORKING, -150, 14, 3, 60, "西安市半坡艺术区"),
							new Ev("正行·凝心 书画进社区公益行", EventKind.VOLUNTEER, -110, 9, 4, 40, "西安市雁塔区社区文化中心"),
							new Ev("正行·凝心 新的社会阶层人士专题讲座", EventKind.TRAINING, -70, 14, 3, 80, "西安市委统战部报告厅"),
							new Ev("正行·凝心 红色教育考察学习", EventKind.STUDY_VISIT, -30, 8, 8, 45, "铜川市照金"),
							new Ev("正行·凝心 半坡文化讲堂", EventKind.TRAINING, 12, 14, 3, 80, "西安市半坡艺术区"))),
			new Demo(420105, "知音汇", "武汉市汉阳区构建“1+3+M+N”工作架构共同打造的“知音汇”创新示范点的品牌活动。",
					"汉阳区知音汇", null, List.of(
							new Ev("知音汇 · 琴台知音交流会", EventKind.NETWORKING, -140, 15, 2, 50, "汉阳区琴台大剧院"),
							new Ev("知音汇 · 社区法律咨询志愿服务", EventKind.VOLUNTEER, -95, 9, 3, 30, "汉阳区知音汇示范点"),
							new Ev("知音汇 · 政策宣讲会", EventKind.TRAINING, -45, 14, 2, 60, "汉阳区知音汇示范点"),
							new Ev("知音汇 · “1+3+M+N”工作经验分享会", EventKind.NETWORKING, 18, 14, 3, 60, "汉阳区知音汇示范点"))),
			new Demo(440100, "自雇自足", "广州市面向自由职业人员的品牌系列活动，依托活动建立自由职业人员数据库。",
					null, "FREELANCE", List.of(
							new Ev("自雇自足 · 自由职业者财税与社保讲座", EventKind.TRAINING, -160, 19, 2, 80, "广州市天河区"),
							new Ev("自雇自足 · 设计师与插画师交流沙龙", EventKind.NETWORKING, -120, 14, 3, 50, "广州市海珠区"),
							new Ev("自雇自足 · 线上分享：自由职业者权益保障", EventKind.ONLINE, -75, 20, 2, 200, null),
							new Ev("自雇自足 · 自由职业者公益市集", EventKind.VOLUNTEER, -35, 10, 5, 40, "广州市越秀区"),
							new Ev("自雇自足 · 自由职业人员年度交流会", EventKind.NETWORKING, 9, 14, 3, 30, "广州市天河区"))),
			new Demo(210200, "三三五创标活动", "大连市在城市中心区近百座商务楼宇中开展的楼宇统战工作品牌活动。",
					null, null, List.of(
							new Ev("三三五创标活动 · 楼宇企业管理人员培训", EventKind.TRAINING, -130, 14, 3, 60, "大连市中山区商务楼宇"),
							new Ev("三三五创标活动 · 楼宇志愿服务日", EventKind.VOLUNTEER, -85, 9, 4, 40, "大连市中山区"),
							new Ev("三三五创标活动 · 楼宇联谊会", EventKind.NETWORKING, -40, 18, 3, 70, "大连市西岗区商务楼宇"),
							new Ev("三三五创标活动 · 创标经验交流会", EventKind.TRAINING, 21, 14, 2, 80, "大连市中山区"))),
			new Demo(510100, "同心家园", "成都市依托芳草社区“同心家园”汇聚社会组织，共同开展公益活动，加强政治引领。",
					"成都同心家园", null, List.of(
							new Ev("同心家园 · 芳草社区公益集市", EventKind.VOLUNTEER, -145, 9, 4, 60, "成都市芳草社区同心家园"),
							new Ev("同心家园 · 社会组织负责人能力提升培训", EventKind.TRAINING, -100, 14, 3, 50, "成都市芳草社区同心家园"),
							new Ev("同心家园 · 邻里守望志愿服务", EventKind.VOLUNTEER, -55, 9, 3, 40, "成都市芳草社区"),
							new Ev("同心家园 · 新阶层人士联谊交流会", EventKind.NETWORKING, -20, 15, 3, 60, "成都市芳草社区同心家园"),
							new Ev("同心家园 · 冬日暖心公益行", EventKind.VOLUNTEER, 7, 9, 4, 30, "成都市芳草社区"),
							new Ev("同心家园 · 公益项目路演", EventKind.TRAINING, 25, 14, 3, 60, "成都市芳草社区同心家园"))),
			new Demo(310000, "同心家园", "上海市自媒体联盟开展的“同心家园”活动，团结引导新媒体从业人员。",
					"上海市自媒体联盟", "NEW_MEDIA", List.of(
							new Ev("同心家园 · 网络内容创作者座谈会", EventKind.NETWORKING, -125, 14, 3, 50, "上海市静安区"),
							new Ev("同心家园 · 自媒体人公益直播助农", EventKind.VOLUNTEER, -65, 19, 3, 40, "线上直播间 · 上海"),
							new Ev("同心家园 · 网络安全与内容规范培训", EventKind.TRAINING, -25, 14, 2, 80, "上海市徐汇区"),
							new Ev("同心家园 · 新媒体从业人员沙龙", EventKind.NETWORKING, 15, 15, 3, 50, "上海市静安区"))));

	private static final String[] COMMENTS = { "内容实在，很有收获", "组织得很好，希望多办", "认识了不少同行", "时间可以再长一些",
			"讲解清楚，受益匪浅", "很有意义的活动", "希望下次能有更多互动环节" };

	private final DemoMode demoMode;

	private final JdbcClient jdbc;

	private final AllSeries series;

	private final Events events;

	private final Enrolments enrolments;

	private final OrganisationSeeding organisations;

	private final PeopleSeeding people;

	private final AuditLog audit;

	private final Clock clock;

	ActivitiesDemoData(DemoMode demoMode, JdbcClient jdbc, AllSeries series, Events events, Enrolments enrolments,
			OrganisationSeeding organisations, PeopleSeeding people, AuditLog audit, Clock clock) {
		this.demoMode = demoMode;
		this.jdbc = jdbc;
		this.series = series;
		this.events = events;
		this.enrolments = enrolments;
		this.organisations = organisations;
		this.people = people;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public void seed() {
		if (!demoMode.enabled() || jdbc.sql("select count(*) from act_series").query(Long.class).single() > 0) {
			return;
		}
		Random random = new Random(20_180_628L);
		LocalDate today = LocalDate.now(clock);
		Instant now = clock.instant();
		int eventCount = 0;
		int registrationCount = 0;
		for (Demo demo : DEMOS) {
			UnitId unit = new UnitId(demo.unit());
			List<Long> organisation = demo.organisation() == null ? List.of()
					: organisations.named(unit, demo.organisation())
						.map(id -> List.of(id.value()))
						.orElse(List.of());
			PersonFilter filter = demo.group() == null ? PersonFilter.none()
					: new PersonFilter(null, demo.group(), null, null, null, null, null, null, null, null);
			List<PersonId> pool = new ArrayList<>(
					people.sampleIn(unit, filter, 400).stream()
						// As the audience rule: nobody who withdrew basic consent is registered.
						.filter(p -> p.consent() != org.tongxin.people.ConsentState.WITHDRAWN)
						.map(PeopleSeeding.Sampled::id)
						.toList());
			SeriesId seriesId = series.insert(unit, new SeriesForm(demo.name(), demo.description(), null, organisation));
			for (Ev ev : demo.events()) {
				LocalDateTime start = today.plusDays(ev.dayOffset()).atTime(LocalTime.of(ev.startHour(), 0));
				boolean past = ev.dayOffset() < 0;
				EventForm form = new EventForm(ev.title(), seriesId.value(), ev.kind(), organisation, null, ev.address(), start,
						start.plusHours(ev.hours()), ev.capacity(), demo.group() == null ? Audience.OPEN : Audience.GROUPS,
						demo.group() == null ? List.of() : List.of(demo.group()), List.of(),
						past ? null : today.minusDays(10).atStartOfDay(), past ? null : start.minusHours(2),
						ev.title() + "。" + demo.description());
				EventId eventId = events.insert(unit, form);
				eventCount++;
				Instant startsAt = start.atZone(clock.getZone()).toInstant();
				Collections.shuffle(pool, random);
				int registered;
				int waiting = 0;
				if (past) {
					registered = Math.min(pool.size(), (int) Math.round(ev.capacity() * (0.75 + random.nextDouble() * 0.25)));
				}
				else if (ev.dayOffset() < 10) {
					// Full, with people waiting: the one that shows how the waiting list works.
					registered = Math.min(pool.size(), ev.capacity());
					waiting = Math.min(pool.size() - registered, 4);
				}
				else {
					registered = Math.min(pool.size(), ev.capacity() / 2 + random.nextInt(ev.capacity() / 3));
				}
				double attendance = 0.70 + random.nextDouble() * 0.20;
				for (int i = 0; i < registered + waiting; i++) {
					Instant registeredAt = startsAt.minus(Duration.ofHours(24 + random.nextInt(24 * 14)));
					if (registeredAt.isAfter(now)) {
						registeredAt = now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 9) + 1));
					}
					if (i >= registered) {
						enrolments.insertAt(eventId, pool.get(i), RegistrationStatus.WAITLISTED, registeredAt.plusSeconds(i),
								null, null);
						registrationCount++;
						continue;
					}
					boolean came = past && random.nextDouble() < attendance;
					Instant checkedIn = came ? startsAt.minus(Duration.ofMinutes(20)).plus(Duration.ofMinutes(random.nextInt(35)))
							: null;
					BigDecimal hours = came && ev.kind() == EventKind.VOLUNTEER
							? BigDecimal.valueOf(ev.hours() * 2L - random.nextInt(3)).divide(BigDecimal.valueOf(2)).setScale(1)
							: null;
					RegistrationId id = enrolments.insertAt(eventId, pool.get(i), RegistrationStatus.REGISTERED,
							registeredAt, checkedIn, hours);
					registrationCount++;
					if (came && random.nextDouble() < 0.6) {
						int satisfaction = random.nextDouble() < 0.7 ? 5 : 4 - random.nextInt(2);
						int gain = random.nextDouble() < 0.55 ? 5 : 4 - random.nextInt(2);
						enrolments.feedback(id, satisfaction, gain,
								random.nextDouble() < 0.5 ? COMMENTS[random.nextInt(COMMENTS.length)] : null, "system");
					}
				}
			}
		}
		audit.append("system", UnitId.CENTRAL, AuditLog.Action.CREATE, Activities.AUDIT_EVENT, null,
				Map.of("demo", true, "events", eventCount, "registrations", registrationCount), null);
		log.info("Demo activities: {} events, {} registrations", eventCount, registrationCount);
	}
}
