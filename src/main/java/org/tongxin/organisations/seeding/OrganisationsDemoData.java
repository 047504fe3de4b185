package org.tongxin.organisations.seeding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.organisations.Coordination.PartnerKind;
import org.tongxin.organisations.JoinedVia;
import org.tongxin.organisations.MemberRole;
import org.tongxin.organisations.MembershipStatus;
import org.tongxin.organisations.OrganisationForm;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.organisations.PartyOrgForm;
import org.tongxin.organisations.internal.CoordinationRecords;
import org.tongxin.organisations.internal.MembershipRecords;
import org.tongxin.organisations.internal.OrganisationRecords;
import org.tongxin.people.PersonFilter;
import org.tongxin.people.seeding.PeopleSeeding;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.DemoMode;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.Units;

/**
 * The organisations the seed names, in their cities, with members drawn from the demo registry of the same
 * city, terms of office, party-organisation coverage that differs between cities, the two linkage mechanisms
 * and a few shared tasks. Demo mode only, once, after the people demo data.
 */
@Component
public class OrganisationsDemoData {

	private static final TargetGroup ENT = TargetGroup.ENTERPRISE;

	private static final TargetGroup INT = TargetGroup.INTERMEDIARY;

	private static final TargetGroup FREE = TargetGroup.FREELANCE;

	private static final TargetGroup MEDIA = TargetGroup.NEW_MEDIA;

	/** An organisation; {@code parent} names an organisation listed before it; {@code members} drawn from its city. */
	private record Demo(long unit, String name, String kind, @Nullable String parent, LocalDate founded,
			boolean registered, String address, String description, List<TargetGroup> groups, PartyOrgForm form,
			int partyMembers, boolean instructor, int members, boolean oldTerm) {
	}

	private static LocalDate d(int y, int m, int day) {
		return LocalDate.of(y, m, day);
	}

	private static final List<String> CHENGDU_SOCIAL = List.of("芳草社区社会工作服务中心", "武侯区心理健康服务中心",
			"芳草街道青少年成长服务中心", "武侯区法律援助志愿者协会", "芳草社区居家养老服务中心", "武侯区绿色环保公益促进会",
			"芳草社区文化艺术团", "武侯区青年志愿者服务队", "芳草社区邻里互助会", "武侯区残疾人康复服务中心", "芳草社区儿童早期教育中心",
			"武侯区社区营造发展中心", "芳草社区书香阅读会", "武侯区公益创投促进会", "芳草社区健康促进会", "武侯区婚姻家庭调解服务中心",
			"芳草社区双语服务站", "武侯区创业青年联谊会", "芳草社区垃圾分类推广中心", "武侯区社会组织孵化园", "芳草社区非遗传习社",
			"武侯区自由职业者服务中心", "芳草社区楼宇自治会", "武侯区公益摄影协会", "芳草社区舞蹈协会", "武侯区律师公益服务团",
			"芳草社区科普服务站", "武侯区注册会计师志愿服务队");

	private static List<Demo> demos() {
		List<Demo> all = new ArrayList<>(List.of(
				new Demo(310000, "上海市新的社会阶层人士联合会", "ASSOCIATION", null, d(2016, 12, 20), true, "上海市静安区",
						"上海市成立新的社会阶层人士联谊会、自媒体联盟等各类组织平台，联合会是其中综合性的联谊组织。",
						List.of(ENT, INT, FREE, MEDIA), PartyOrgForm.INDEPENDENT, 9, true, 30, true),
				new Demo(310000, "上海市自媒体联盟", "ALLIANCE", null, d(2017, 6, 1), false, "上海市静安区",
						"上海市成立的新媒体从业人员组织平台，联系自媒体人士和网络人士。", List.of(MEDIA), PartyOrgForm.FUNCTIONAL, 3,
						true, 18, false),
				new Demo(320100, "南京好朋友·新的社会阶层人士之家", "HOME", null, d(2018, 5, 1), false, "南京市建邺区",
						"南京市建立新媒体从业人员之家“南京好朋友”。", List.of(MEDIA), PartyOrgForm.NONE, 2, false, 15, false),
				new Demo(610100, "半坡艺术联盟", "ALLIANCE", null, d(2017, 6, 1), true, "西安市灞桥区纺织城半坡艺术区",
						"“半坡艺术联盟”以文化为桥梁和媒介，开展“正行·凝心”系列活动。", List.of(FREE), PartyOrgForm.JOINT, 4, true,
						20, false),
				new Demo(510100, "成都同心家园", "HOME", null, d(2017, 5, 1), false, "成都市武侯区芳草街道芳草社区",
						"成都市依托芳草社区“同心家园”汇聚28家社会组织，通过共同开展公益活动，加强政治引领。", List.of(INT, FREE),
						PartyOrgForm.FUNCTIONAL, 5, true, 16, false),
				new Demo(510100, "成都市新的社会阶层人士联谊会", "ASSOCIATION", null, d(2015, 11, 18), true, "成都市锦江区",
						"成都市新的社会阶层人士的联谊组织，下设区（市）县分会。", List.of(ENT, INT, FREE, MEDIA),
						PartyOrgForm.INDEPENDENT, 8, true, 24, true),
				new Demo(510104, "锦江区分会", "CHAPTER", "成都市新的社会阶层人士联谊会", d(2016, 6, 1), false, "成都市锦江区",
						"成都市新的社会阶层人士联谊会锦江区分会。", List.of(ENT, MEDIA), PartyOrgForm.JOINT, 3, false, 10, false),
				new Demo(510107, "武侯区分会", "CHAPTER", "成都市新的社会阶层人士联谊会", d(2016, 9, 1), false, "成都市武侯区",
						"成都市新的社会阶层人士联谊会武侯区分会。", List.of(INT, FREE), PartyOrgForm.NONE, 1, false, 10, false),
				new Demo(510105, "青羊区分会", "CHAPTER", "成都市新的社会阶层人士联谊会", d(2017, 3, 1), false, "成都市青羊区",
						"成都市新的社会阶层人士联谊会青羊区分会。", List.of(ENT), PartyOrgForm.NONE, 0, false, 8, false),
				new Demo(110000, "北京市新的社会阶层人士联谊会", "ASSOCIATION", null, d(2016, 4, 26), true, "北京市西城区",
						"北京市新的社会阶层人士的联谊组织。", List.of(ENT, INT, FREE, MEDIA), PartyOrgForm.INDEPENDENT, 10, true, 26,
						true),
				new Demo(110000, "北京新媒体企业联络站", "LIAISON", null, d(2017, 9, 1), false, "北京市海淀区",
						"北京市在新媒体企业设立联络站，探索了引导新媒体从业人员的新路径。", List.of(MEDIA), PartyOrgForm.FUNCTIONAL, 2,
						true, 6, false),
				new Demo(110000, "北京新媒体联络站（字节跳动）", "LIAISON", "北京新媒体企业联络站", d(2017, 9, 1), false,
						"北京市海淀区", "设在新媒体企业中的统战工作联络站。", List.of(MEDIA), PartyOrgForm.INDEPENDENT, 4, true, 9,
						false),
				new Demo(110000, "北京新媒体联络站（快手）", "LIAISON", "北京新媒体企业联络站", d(2017, 11, 1), false, "北京市海淀区",
						"设在新媒体企业中的统战工作联络站。", List.of(MEDIA), PartyOrgForm.NONE, 1, false, 7, false),
				new Demo(110000, "北京新媒体联络站（新浪微博）", "LIAISON", "北京新媒体企业联络站", d(2018, 2, 1), false,
						"北京市海淀区", "设在新媒体企业中的统战工作联络站。", List.of(MEDIA), PartyOrgForm.JOINT, 2, false, 7, false),
				new Demo(120000, "天津心·家园", "HOME", null, d(2017, 10, 1), false, "天津市滨海新区",
						"天津市打造外商投资企业管理技术人员“心·家园”，用“五心”级服务加深感情、增进认同。", List.of(ENT),
						PartyOrgForm.FUNCTIONAL, 3, true, 15, false),
				new Demo(420105, "汉阳区知音汇", "HOME", null, d(2017, 11, 1), false, "武汉市汉阳区",
						"武汉市汉阳区构建“1+3+M+N”工作架构，共同打造“知音汇”创新示范点。", List.of(ENT, FREE, MEDIA),
						PartyOrgForm.JOINT, 3, true, 14, false),
				new Demo(350103, "台江区金领E家", "HOME", null, d(2017, 7, 1), false, "福州市台江区",
						"福州市台江区整合各方力量，共同打造“金领E家”统战工作新平台。", List.of(ENT, INT), PartyOrgForm.NONE, 1, false,
						12, false),
				new Demo(210200, "大连楼宇联络站", "LIAISON", null, d(2017, 8, 1), false, "大连市中山区",
						"大连市在城市中心区近百座商务楼宇中开展“三三五创标活动”，打造楼宇统战工作品牌。", List.of(ENT, INT),
						PartyOrgForm.FUNCTIONAL, 2, true, 8, false),
				new Demo(210202, "大连国际金融中心楼宇联络站", "LIAISON", "大连楼宇联络站", d(2017, 8, 1), false,
						"大连市中山区人民路", "“三三五创标活动”楼宇联络站。", List.of(ENT, INT), PartyOrgForm.JOINT, 2, false, 6,
						false),
				new Demo(210202, "大连期货大厦楼宇联络站", "LIAISON", "大连楼宇联络站", d(2017, 12, 1), false, "大连市中山区",
						"“三三五创标活动”楼宇联络站。", List.of(ENT), PartyOrgForm.NONE, 0, false, 5, false),
				new Demo(210203, "西岗区商务楼宇联络站", "LIAISON", "大连楼宇联络站", d(2018, 1, 1), false, "大连市西岗区",
						"楼宇内新的社会阶层人士联络、服务和活动点。", List.of(ENT), PartyOrgForm.NONE, 1, false, 5, false),
				new Demo(440300, "深圳市新的社会阶层人士联谊会", "ASSOCIATION", null, d(2016, 8, 1), true, "深圳市福田区",
						"深圳市新的社会阶层人士的联谊组织，支持园区社会力量参与创新试点工作。", List.of(ENT, INT, FREE, MEDIA),
						PartyOrgForm.INDEPENDENT, 7, true, 20, false),
				new Demo(440305, "南山区科技园新阶层人士联络站", "LIAISON", "深圳市新的社会阶层人士联谊会", d(2017, 6, 1), false,
						"深圳市南山区科技园", "园区示范点中的联络站。", List.of(ENT, MEDIA), PartyOrgForm.FUNCTIONAL, 2, true, 8,
						false),
				new Demo(500103, "渝中区U创空间新阶层人士之家", "HOME", null, d(2017, 10, 1), false, "重庆市渝中区解放碑",
						"重庆市在渝中区“U创空间”探索“党委+群团+社会组织”三方联动工作模式。", List.of(ENT, FREE),
						PartyOrgForm.JOINT, 2, true, 10, false)));
		for (int i = 0; i < CHENGDU_SOCIAL.size(); i++) {
			PartyOrgForm form = i % 3 == 0 ? PartyOrgForm.JOINT : PartyOrgForm.NONE;
			all.add(new Demo(510107, CHENGDU_SOCIAL.get(i), "SOCIAL_ORG", "成都同心家园", d(2014 + i % 4, 1 + i % 12, 1),
					true, "成都市武侯区芳草街道", "汇聚于芳草社区“同心家园”的社会组织之一。", List.of(INT), form, i % 3 == 0 ? 1 : 0,
					false, i % 2 == 0 ? 2 : 1, false));
		}
		return all;
	}

	private static final List<MemberRole> POSITIONS = List.of(MemberRole.PRESIDENT, MemberRole.VICE_PRESIDENT,
			MemberRole.VICE_PRESIDENT, MemberRole.SECRETARY_GENERAL, MemberRole.DIRECTOR, MemberRole.DIRECTOR,
			MemberRole.DIRECTOR);

	private final DemoMode demoMode;

	private final OrganisationRecords organisations;

	private final MembershipRecords memberships;

	private final CoordinationRecords coordination;

	private final PeopleSeeding people;

	private final Units units;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	OrganisationsDemoData(DemoMode demoMode, OrganisationRecords organisations, MembershipRecords memberships,
			CoordinationRecords coordination, PeopleSeeding people, Units units, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.clock = clock;
		this.demoMode = demoMode;
		this.organisations = organisations;
		this.memberships = memberships;
		this.coordination = coordination;
		this.people = people;
		this.units = units;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional
	public void seed() {
		if (!demoMode.enabled() || jdbc.sql("select count(*) from org_organisation").query(Long.class).single() > 0) {
			return;
		}
		Map<String, OrganisationId> ids = new LinkedHashMap<>();
		Map<Long, List<PeopleSeeding.Sampled>> pools = new LinkedHashMap<>();
		Map<Long, Integer> used = new LinkedHashMap<>();
		int sequence = 0;
		for (Demo demo : demos()) {
			// A made-up contact (the 1380000xxxx block) so the masked phone and its audited reveal can be shown;
			// it goes through the same insert as the screens, so it is stored encrypted.
			String phone = "1380000%04d".formatted(++sequence);
			OrganisationForm form = new OrganisationForm(demo.unit(), demo.name(), demo.kind(),
					demo.parent() == null ? null : ids.get(demo.parent()).value(), null, demo.founded(), demo.registered(),
					demo.address(), "联络员", phone, demo.description(), demo.groups(), demo.form(), demo.partyMembers(),
					demo.instructor());
			OrganisationId id = organisations.insert(new UnitId(demo.unit()), form);
			ids.put(demo.name(), id);
			audit.append("system", UnitId.CENTRAL, AuditLog.Action.CREATE, "organisation", id,
					Map.of("after", Map.of("name", demo.name(), "demo", true)), null);
			long city = units.cityOf(units.get(new UnitId(demo.unit()))).id().value();
			List<PeopleSeeding.Sampled> pool = pools.computeIfAbsent(city, c -> people.sampleIn(new UnitId(c), PersonFilter.none(), 400));
			int from = used.getOrDefault(city, 0);
			List<PeopleSeeding.Sampled> chosen = new ArrayList<>();
			for (int i = 0; i < demo.members() && !pool.isEmpty(); i++) {
				chosen.add(pool.get((from + i) % pool.size()));
			}
			used.put(city, from + demo.members());
			addMembers(id, demo, chosen);
		}
		loadCoordination();
	}

	/** Positions first (president, vice presidents …), then plain members; an old term where the demo says so. */
	private void addMembers(OrganisationId id, Demo demo, List<PeopleSeeding.Sampled> chosen) {
		LocalDate start = demo.oldTerm() ? d(2018, 1, 1) : demo.founded();
		int term = 1;
		if (demo.oldTerm()) {
			term = 2;
			organisations.nextTerm(id, 1);
			// The first term's leadership, ended when the second term began.
			for (int i = 0; i < Math.min(3, chosen.size()); i++) {
				PeopleSeeding.Sampled p = chosen.get(chosen.size() - 1 - i);
				memberships.insert(id, p.id(), POSITIONS.get(i), 1, demo.founded(), start.minusDays(1),
						MembershipStatus.ACTIVE, JoinedVia.INVITATION);
			}
		}
		boolean liaison = "LIAISON".equals(demo.kind());
		for (int i = 0; i < chosen.size(); i++) {
			PeopleSeeding.Sampled p = chosen.get(i);
			MemberRole role = liaison && i == 0 ? MemberRole.LIAISON
					: i < POSITIONS.size() && chosen.size() >= 5 ? POSITIONS.get(i) : MemberRole.MEMBER;
			MembershipStatus status = i % 11 == 10 ? MembershipStatus.SUSPENDED
					: i % 13 == 12 ? MembershipStatus.APPLIED : MembershipStatus.ACTIVE;
			JoinedVia via = i % 4 == 0 ? JoinedVia.INVITATION : i % 7 == 0 ? JoinedVia.TRANSFER : JoinedVia.APPLICATION;
			LocalDate joined = role.position() ? start : demo.founded().plusMonths(i % 12);
			// Plain members keep the number of the term in which they joined.
			memberships.insert(id, p.id(), role, joined.isBefore(start) ? 1 : term, joined, null, status, via);
		}
	}

	/** A partner of a linkage mechanism and its part in it. */
	private record Part(String partner, PartnerKind kind, @Nullable String contact, String role) {
	}

	/** A linkage mechanism as inserted: its id and its partners' ids by name. */
	private record Mechanism(long id, Map<String, Long> partners) {

		long partner(String name) {
			return partners.get(name);
		}
	}

	/** Inserts the partners, then the mechanism that gives each its part. */
	private Mechanism mechanism(UnitId unit, String name, String description, List<Part> parts) {
		Map<String, Long> partners = new LinkedHashMap<>();
		Map<Long, String> roles = new LinkedHashMap<>();
		for (Part part : parts) {
			long partner = coordination.insertPartner(unit, part.partner(), part.kind(), part.contact());
			partners.put(part.partner(), partner);
			roles.put(partner, part.role());
		}
		return new Mechanism(coordination.insertMechanism(unit, name, description, roles), partners);
	}

	private void loadCoordination() {
		UnitId yuzhong = new UnitId(500103);
		Mechanism threeWay = mechanism(yuzhong, "党委+群团+社会组织",
				"重庆市在渝中区“U创空间”探索“党委+群团+社会组织”三方联动工作模式。", List.of(
						new Part("渝中区委统战部", PartnerKind.DEPARTMENT, "区委统战部新阶层工作科", "党委：统筹领导、政治引领"),
						new Part("共青团渝中区委", PartnerKind.MASS_ORG, null, "群团：青年创业服务"),
						new Part("渝中区妇联", PartnerKind.MASS_ORG, null, "群团：女性创业者联系服务"),
						new Part("U创空间运营管理公司", PartnerKind.PARK_MANAGEMENT, null, "阵地：提供空间和日常运营"),
						new Part("渝中区社会组织服务中心", PartnerKind.SOCIAL_ORG, null, "社会组织：承接公益项目")));
		coordination.insertTask(yuzhong, "U创空间季度联席会议", threeWay.id(), threeWay.partner("共青团渝中区委"),
				LocalDate.now(clock).plusDays(20));
		coordination.insertTask(yuzhong, "青年创业者座谈会总结材料", threeWay.id(), threeWay.partner("渝中区社会组织服务中心"),
				LocalDate.now(clock).minusDays(12));

		UnitId hanyang = new UnitId(420105);
		Mechanism oneThree = mechanism(hanyang, "1+3+M+N",
				"武汉市汉阳区构建“1+3+M+N”工作架构，共同打造“知音汇”创新示范点。", List.of(
						new Part("汉阳区委统战部", PartnerKind.DEPARTMENT, null, "1：区委统战部牵头"),
						new Part("汉阳区工商联", PartnerKind.MASS_ORG, null, "3：工商联"),
						new Part("汉阳区总工会", PartnerKind.MASS_ORG, null, "3：总工会"),
						new Part("共青团汉阳区委", PartnerKind.MASS_ORG, null, "3：团区委"),
						new Part("汉阳区文化创意产业协会", PartnerKind.INDUSTRY_ASSN, null, "M：行业协会等多个社会组织"),
						new Part("汉阳造文化创意产业园管理公司", PartnerKind.PARK_MANAGEMENT, null, "N：园区、楼宇等多个活动阵地")));
		coordination.insertTask(hanyang, "“知音汇”年度活动计划", oneThree.id(), oneThree.partner("汉阳区工商联"),
				LocalDate.now(clock).plusDays(45));
		long done = coordination.insertTask(hanyang, "园区新阶层人士摸底统计", oneThree.id(),
				oneThree.partner("汉阳造文化创意产业园管理公司"), LocalDate.now(clock).minusDays(30));
		coordination.completeTask(done, 0, LocalDate.now(clock).minusDays(33));

		UnitId chengdu = new UnitId(510100);
		coordination.insertPartner(chengdu, "成都市社会组织综合党委", PartnerKind.DEPARTMENT, null);
		coordination.insertPartner(chengdu, "芳草社区“同心家园”", PartnerKind.SOCIAL_ORG, null);
		audit.append("system", UnitId.CENTRAL, AuditLog.Action.CREATE, "organisation-mechanism", null,
				Map.of("after", Map.of("names", List.of("党委+群团+社会组织", "1+3+M+N"), "demo", true)), null);
	}
}
