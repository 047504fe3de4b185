package org.tongxin.people.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.tongxin.people.IdNumber;

/**
 * Realistic synthetic persons, deterministic for a seed and a reference date: names drawn by surname
 * frequency, valid ID numbers of the owning place with ages 22–65, valid mobile numbers, the four groups in
 * their national proportions (48 : 14 : 11 : 10 million). Feeds the demo registry and the import and search
 * benchmarks, which need the same data at 20 thousand and at 10 million rows.
 */
public final class SyntheticPeople {

	/**
	 * Where persons are placed: the owning unit, its region (city) code, the area code printed in ID numbers,
	 * the place name used in addresses, the city's short name for employers, and a relative weight.
	 */
	public record Place(long unitId, String regionCode, String areaCode, String placeName, String cityShort,
			double weight) {
	}

	// Approximate shares (‰) of the most common surnames; together about 85 % of the population.
	private static final Weighted<String> SURNAMES = Weighted.of(
			"王", 71, "李", 70, "张", 67, "刘", 54, "陈", 45, "杨", 31, "黄", 22, "赵", 20, "吴", 19, "周", 19,
			"徐", 14, "孙", 14, "马", 13, "朱", 12, "胡", 11, "郭", 11, "何", 10, "林", 10, "高", 10, "罗", 9,
			"郑", 8, "梁", 8, "谢", 7, "宋", 7, "唐", 7, "许", 6, "韩", 6, "冯", 6, "邓", 6, "曹", 6,
			"彭", 5, "曾", 5, "肖", 5, "田", 5, "董", 5, "袁", 5, "潘", 4, "于", 4, "蒋", 4, "蔡", 4,
			"余", 4, "杜", 4, "叶", 4, "程", 4, "苏", 4, "魏", 4, "吕", 4, "丁", 4, "任", 3, "沈", 3,
			"姚", 3, "卢", 3, "姜", 3, "崔", 3, "钟", 3, "谭", 3, "陆", 3, "汪", 3, "范", 3, "金", 3,
			"石", 3, "廖", 3, "贾", 3, "夏", 3, "韦", 3, "付", 2, "方", 2, "白", 2, "邹", 2, "孟", 2,
			"熊", 2, "秦", 2, "邱", 2, "江", 2, "尹", 2, "薛", 2, "闫", 2, "段", 2, "雷", 2, "侯", 2,
			"龙", 2, "史", 2, "陶", 2, "黎", 2, "贺", 2, "顾", 2, "毛", 2, "郝", 2, "龚", 2, "邵", 2,
			"万", 2, "钱", 2, "严", 2, "覃", 2, "武", 2, "戴", 2, "莫", 1, "孔", 1, "向", 1, "汤", 1,
			"欧阳", 1, "司马", 1, "上官", 1, "诸葛", 1);

	private static final String[] MALE = ("伟 强 磊 军 勇 杰 涛 斌 超 明 刚 平 辉 鹏 华 飞 鑫 波 宇 浩 凯 健 俊 帆 帅 旭 宁 龙 林 洋 "
			+ "峰 建 国 文 志 海 东 成 亮 博 昊 然 轩 泽 晨 睿 哲 航 毅 昌 松 锋 立 坤 彬 达").split(" ");

	private static final String[] FEMALE = ("芳 娜 敏 静 丽 艳 娟 霞 秀 英 玲 桂 燕 婷 雪 慧 琳 倩 颖 洁 梅 莉 兰 红 萍 晶 欣 怡 佳 雨 "
			+ "思 涵 月 琪 瑶 璐 蕾 薇 楠 岚 婧 曦 悦 妍 琦 丹 宁 文 华").split(" ");

	private static final String[] PHONE_PREFIXES = ("130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 "
			+ "166 173 175 176 177 180 181 182 183 185 186 187 188 189 191 198 199").split(" ");

	private static final Weighted<String> GROUPS = Weighted.of("ENTERPRISE", 48, "INTERMEDIARY", 14, "FREELANCE", 11,
			"NEW_MEDIA", 10);

	private static final Weighted<String> EDUCATION = Weighted.of("DOCTOR", 3, "MASTER", 15, "BACHELOR", 45,
			"JUNIOR_COLLEGE", 25, "SECONDARY", 10, "BELOW", 2);

	// 95.5 % of the new social strata are not party members.
	private static final Weighted<String> AFFILIATION = Weighted.of("CPC", 45, "DEMOCRATIC", 30, "NON_PARTY", 200,
			"MASSES", 725);

	private static final Weighted<String> PARTIES = Weighted.of("MINGE", 8, "MINMENG", 20, "MINJIAN", 22, "MINJIN", 17,
			"NONGGONG", 11, "ZHIGONG", 8, "JIUSAN", 13, "TAIMENG", 1);

	private static final Weighted<String> LEGAL_BASIS = Weighted.of("CONSENT", 70, "DUTY", 20, "PUBLIC", 10);

	private static final String[] RELIGIONS = { "佛教", "道教", "伊斯兰教", "天主教", "基督教" };

	private static final String[] WORDS = ("星辰 华信 博远 智联 创新 鼎盛 天合 中科 瑞丰 恒达 新锐 云帆 海纳 汇通 卓越 启明 远航 "
			+ "同创 正和 润泽 嘉禾 金桥 锦程 盛世 宏图 优品 联创 凌云 德信 万象").split(" ");

	private static final String[] ROADS = ("人民 解放 建设 中山 和平 新华 文化 长江 黄河 府前 东风 青年 科技 创业 滨江 "
			+ "金融 湖滨 光明 朝阳 红星").split(" ");

	private static final String[] TAGS = { "代表人士", "联谊会会员", "青年", "海归", "政协委员", "人大代表", "优秀建设者", "志愿者",
			"建言献策" };

	private static final String[] MAIL_DOMAINS = { "qq.com", "163.com", "126.com", "foxmail.com", "outlook.com" };

	private final SplittableRandom random;

	private final LocalDate asOf;

	public SyntheticPeople(long seed, LocalDate asOf) {
		this.random = new SplittableRandom(seed);
		this.asOf = asOf;
	}

	/** {@code count} persons over the places, each place drawn by its weight. */
	public Stream<NewPerson> stream(List<Place> places, long count) {
		Weighted<Place> byWeight = Weighted.from(places, Place::weight);
		return Stream.generate(() -> next(byWeight.pick(random))).limit(count);
	}

	public NewPerson next(Place place) {
		boolean male = random.nextInt(100) < 58;
		String name = SURNAMES.pick(random) + given(male);
		int age = 22 + random.nextInt(44);
		LocalDate birth = asOf.minusYears(age).minusDays(random.nextInt(365));
		int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
		String idNumber = IdNumber.of(place.areaCode(), birth, sequence).value();
		String phone = PHONE_PREFIXES[random.nextInt(PHONE_PREFIXES.length)]
				+ String.format("%08d", random.nextInt(100_000_000));
		String email = random.nextInt(100) < 40
				? (10_000 + random.nextInt(2_000_000_000)) + "@" + MAIL_DOMAINS[random.nextInt(MAIL_DOMAINS.length)] : null;
		String ethnicity = random.nextInt(100) < 91 ? "01" : String.format("%02d", 2 + random.nextInt(14));
		String affiliation = AFFILIATION.pick(random);
		String group = GROUPS.pick(random);
		Work work = work(group, place.cityShort());
		String legalBasis = LEGAL_BASIS.pick(random);
		String consent = !"CONSENT".equals(legalBasis) ? "NONE" : random.nextInt(100) < 95 ? "GIVEN" : "WITHDRAWN";
		List<String> tags = new ArrayList<>();
		for (int i = random.nextInt(3); i > 0; i--) {
			String tag = TAGS[random.nextInt(TAGS.length)];
			if (!tags.contains(tag)) {
				tags.add(tag);
			}
		}
		if (age < 35 && !tags.contains("青年")) {
			tags.add("青年");
		}
		return new NewPerson(place.unitId(), place.regionCode(), name, male ? "M" : "F", birth, ethnicity, idNumber,
				phone, email, EDUCATION.pick(random), affiliation,
				"DEMOCRATIC".equals(affiliation) ? PARTIES.pick(random) : null,
				random.nextInt(100) < 3 ? RELIGIONS[random.nextInt(RELIGIONS.length)] : null, group, work.subgroup(),
				work.employer(), work.position(), work.sector(),
				place.placeName() + ROADS[random.nextInt(ROADS.length)] + "路" + (1 + random.nextInt(300)) + "号", tags,
				legalBasis, consent);
	}

	private String given(boolean male) {
		String[] chars = male ? MALE : FEMALE;
		String first = chars[random.nextInt(chars.length)];
		return random.nextInt(100) < 30 ? first : first + chars[random.nextInt(chars.length)];
	}

	private record Work(String subgroup, @org.jspecify.annotations.Nullable String employer, String position,
			String sector) {
	}

	private Work work(String group, String city) {
		String word = WORDS[random.nextInt(WORDS.length)];
		return switch (group) {
			case "ENTERPRISE" -> {
				String[] subgroups = { "PRIVATE_MANAGER", "PRIVATE_MANAGER", "PRIVATE_TECH", "PRIVATE_TECH", "FOREIGN_MANAGER",
						"FOREIGN_TECH" };
				String subgroup = subgroups[random.nextInt(subgroups.length)];
				String[][] kinds = { { "科技有限公司", "IT" }, { "实业有限公司", "MANUFACTURING" }, { "商贸有限公司", "TRADE" },
						{ "置业有限公司", "REAL_ESTATE" }, { "投资有限公司", "FINANCE" }, { "医疗器械有限公司", "HEALTH" },
						{ "物流有限公司", "LOGISTICS" } };
				String[] kind = kinds[random.nextInt(kinds.length)];
				boolean manager = subgroup.endsWith("MANAGER");
				String[] positions = manager ? new String[] { "董事长", "总经理", "副总经理", "财务总监", "人力资源经理" }
						: new String[] { "技术总监", "高级工程师", "研发经理", "产品经理", "工程师" };
				String prefix = subgroup.startsWith("FOREIGN") ? city + "（中国）" + word : city + word;
				yield new Work(subgroup, prefix + kind[0], positions[random.nextInt(positions.length)], kind[1]);
			}
			case "INTERMEDIARY" -> {
				String[][] kinds = { { "LAWYER", "律师事务所", "LEGAL", "合伙人律师" }, { "LAWYER", "律师事务所", "LEGAL", "执业律师" },
						{ "CPA", "会计师事务所", "ACCOUNTING", "注册会计师" }, { "TAX_AGENT", "税务师事务所", "ACCOUNTING", "税务师" },
						{ "PATENT_AGENT", "知识产权代理有限公司", "CONSULTING", "专利代理师" },
						{ "APPRAISER", "资产评估有限公司", "CONSULTING", "资产评估师" },
						{ "SOCIAL_ORG", "社会工作服务中心", "SOCIAL", "理事长" }, { "SOCIAL_ORG", "公益基金会", "SOCIAL", "秘书长" } };
				String[] kind = kinds[random.nextInt(kinds.length)];
				yield new Work(kind[0], city + word + kind[1], kind[3], kind[2]);
			}
			case "FREELANCE" -> {
				String[][] kinds = { { "WRITER", "作家", "CULTURE" }, { "ARTIST", "画家", "CULTURE" }, { "ARTIST", "独立音乐人", "CULTURE" },
						{ "DESIGNER", "独立设计师", "CULTURE" }, { "TUTOR", "培训讲师", "EDUCATION" },
						{ "OTHER_FREELANCE", "自由撰稿人", "MEDIA" } };
				String[] kind = kinds[random.nextInt(kinds.length)];
				yield new Work(kind[0], null, kind[1], kind[2]);
			}
			default -> {
				String[][] kinds = { { "MEDIA_INVESTOR", "董事长" }, { "MEDIA_MANAGER", "运营总监" }, { "EDITOR", "主编" },
						{ "TECHNICIAN", "技术负责人" }, { "INFLUENCER", "自媒体作者" }, { "ONLINE_WRITER", "网络作家" },
						{ "STREAMER", "主播" }, { "COMMUNITY_OWNER", "社群主理人" } };
				String[] kind = kinds[random.nextInt(kinds.length)];
				String[] companies = { "文化传媒有限公司", "网络科技有限公司", "信息技术有限公司" };
				yield new Work(kind[0], city + word + companies[random.nextInt(companies.length)], kind[1], "MEDIA");
			}
		};
	}

	/** Values drawn in proportion to their weights, by binary search over the cumulative weights. */
	static final class Weighted<T> {

		private final List<T> values;

		private final double[] cumulative;

		private Weighted(List<T> values, double[] weights) {
			this.values = values;
			this.cumulative = new double[weights.length];
			double sum = 0;
			for (int i = 0; i < weights.length; i++) {
				sum += weights[i];
				cumulative[i] = sum;
			}
		}

		static Weighted<String> of(Object... pairs) {
			List<String> values = new ArrayList<>();
			double[] weights = new double[pairs.length / 2];
			for (int i = 0; i < pairs.length; i += 2) {
				values.add((String) pairs[i]);
				weights[i / 2] = ((Number) pairs[i + 1]).doubleValue();
			}
			return new Weighted<>(values, weights);
		}

		static <T> Weighted<T> from(List<T> values, java.util.function.ToDoubleFunction<T> weight) {
			return new Weighted<>(values, values.stream().mapToDouble(weight).toArray());
		}

		T pick(SplittableRandom random) {
			double x = random.nextDouble() * cumulative[cumulative.length - 1];
			int i = java.util.Arrays.binarySearch(cumulative, x);
			return values.get(i >= 0 ? Math.min(i + 1, values.size() - 1) : -i - 1);
		}
	}
}
