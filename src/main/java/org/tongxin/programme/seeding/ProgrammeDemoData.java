package org.tongxin.programme.seeding;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.DemoMode;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.Units;
import org.tongxin.programme.SiteFilter;
import org.tongxin.programme.SiteForm;
import org.tongxin.programme.SiteId;
import org.tongxin.programme.SiteKind;
import org.tongxin.programme.internal.Sites;

/**
 * Demonstration sites named or implied by the seed document, in the districts where its projects run.
 * Loaded once, in demo mode only.
 */
@Component
public class ProgrammeDemoData {

	private record DemoSite(long district, String name, SiteKind kind, String address, LocalDate opened,
			String responsible, String description) {
	}

	private static final List<DemoSite> SITES = List.of(
			new DemoSite(440305, "南山区科技园新阶层人士示范点", SiteKind.PARK, "深圳市南山区科技园", LocalDate.of(2017, 6, 1),
					"南山区委统战部", "园区内互联网、科技企业集中，设立新的社会阶层人士活动阵地，两年内建成的 4 个园区示范点之一。"),
			new DemoSite(440304, "福田区车公庙产业园示范点", SiteKind.PARK, "深圳市福田区车公庙", LocalDate.of(2017, 9, 1), "福田区委统战部",
					"面向园区企业管理技术人员的联谊交流和服务阵地。"),
			new DemoSite(440306, "宝安区互联网产业园示范点", SiteKind.PARK, "深圳市宝安区新安街道", LocalDate.of(2018, 3, 1), "宝安区委统战部",
					"以新媒体和互联网从业人员为主要对象。"),
			new DemoSite(440307, "龙岗区天安云谷示范点", SiteKind.PARK, "深圳市龙岗区坂田街道", LocalDate.of(2018, 6, 1), "龙岗区委统战部",
					"园区党群服务中心与统战工作阵地共建。"),
			new DemoSite(510107, "芳草社区“同心家园”", SiteKind.COMMUNITY, "成都市武侯区芳草街道芳草社区", LocalDate.of(2017, 5, 1),
					"武侯区委统战部", "依托社区聚集 28 家社会组织，服务社会组织从业人员和自由职业人员。"),
			new DemoSite(210202, "大连国际金融中心楼宇工作站", SiteKind.BUILDING, "大连市中山区人民路", LocalDate.of(2017, 8, 1),
					"中山区委统战部", "“三三五创标活动”楼宇工作站之一，全市约 100 座商务楼宇开展工作。"),
			new DemoSite(210203, "西岗区商务楼宇联络站", SiteKind.BUILDING, "大连市西岗区", LocalDate.of(2018, 1, 1), "西岗区委统战部",
					"楼宇内新的社会阶层人士联络、服务和活动点。"),
			new DemoSite(500103, "U创空间", SiteKind.CREATIVE_SPACE, "重庆市渝中区解放碑", LocalDate.of(2017, 10, 1), "渝中区委统战部",
					"“党委+群团+社会组织”三方联动的创业服务空间。"),
			new DemoSite(420105, "汉阳“知音汇”活动阵地", SiteKind.COMMUNITY, "武汉市汉阳区", LocalDate.of(2017, 11, 1), "汉阳区委统战部",
					"“1+3+M+N”工作机制下的活动品牌阵地。"),
			new DemoSite(350103, "台江区“金领E家”", SiteKind.BUILDING, "福州市台江区", LocalDate.of(2017, 7, 1), "台江区委统战部",
					"面向商务楼宇白领和新的社会阶层人士的服务之家。"),
			new DemoSite(110108, "海淀区新媒体企业联络站", SiteKind.LIAISON_STATION, "北京市海淀区", LocalDate.of(2017, 9, 1),
					"海淀区委统战部", "在新媒体企业中设立的统战工作联络站。"),
			new DemoSite(110105, "朝阳区新媒体企业联络站", SiteKind.LIAISON_STATION, "北京市朝阳区", LocalDate.of(2018, 2, 1),
					"朝阳区委统战部", "联系网络人士、新媒体从业人员的企业联络站。"),
			new DemoSite(330108, "网络作家村", SiteKind.TOWN, "杭州市滨江区白马湖", LocalDate.of(2017, 12, 1), "滨江区委统战部",
					"聚集网络作家，提供扶持资金和创作服务。"),
			new DemoSite(410108, "良库工舍同心园区", SiteKind.PARK, "郑州市惠济区", LocalDate.of(2018, 4, 1), "惠济区委统战部",
					"新的社会阶层人士人才储备和实践基地。"),
			new DemoSite(120116, "“心·家园”服务站", SiteKind.OTHER, "天津市滨海新区", LocalDate.of(2017, 10, 1), "滨海新区委统战部",
					"面向外资企业管理技术人员，提供“五心”服务。"),
			new DemoSite(320105, "“南京好朋友”新媒体从业人员之家", SiteKind.OTHER, "南京市建邺区", LocalDate.of(2018, 5, 1),
					"建邺区委统战部", "新媒体从业人员的交流之家。"),
			new DemoSite(610111, "半坡艺术区", SiteKind.CREATIVE_SPACE, "西安市灞桥区纺织城", LocalDate.of(2017, 6, 1), "灞桥区委统战部",
					"“半坡艺术联盟”所在地，“正行·凝心”系列活动阵地。"),
			new DemoSite(310106, "静安区自媒体联盟活动中心", SiteKind.OTHER, "上海市静安区", LocalDate.of(2018, 3, 1), "静安区委统战部",
					"新的社会阶层人士联谊会和自媒体联盟的活动场所。"));

	private final DemoMode demoMode;

	private final Units units;

	private final Sites sites;

	private final AuditLog audit;

	ProgrammeDemoData(DemoMode demoMode, Units units, Sites sites, AuditLog audit) {
		this.demoMode = demoMode;
		this.units = units;
		this.sites = sites;
		this.audit = audit;
	}

	@Transactional
	public void seed() {
		DataScope everything = DataScope.everywhere();
		if (!demoMode.enabled() || sites.count(everything, SiteFilter.none()) > 0) {
			return;
		}
		for (DemoSite demo : SITES) {
			Unit district = units.get(new UnitId(demo.district()));
			Unit site = units.createSite(district.id(), demo.name());
			String place = units.place(district.id());
			SiteForm form = new SiteForm(demo.district(), demo.name(), demo.kind(), demo.address(), demo.opened(),
					demo.responsible(), demo.description());
			SiteId id = sites.insert(site.id(), place, form);
			audit.append("system", UnitId.CENTRAL, AuditLog.Action.CREATE, "programme-site", id,
					Map.of("after", Map.of("name", demo.name(), "demo", true)), null);
		}
	}
}
