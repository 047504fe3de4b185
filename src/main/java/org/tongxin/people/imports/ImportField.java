package org.tongxin.people.imports;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.tabular.HeaderMapping;

/**
 * The columns an import understands, with the header the template writes and the other names people
 * give them. {@code dictionary} names the code list a value must come from.
 */
enum ImportField {

	NAME("姓名", null),
	SEX("性别", null),
	BIRTH_DATE("出生日期", null, "出生年月", "生日", "出生日"),
	ETHNICITY("民族", "ETHNICITY"),
	ID_NUMBER("身份证号码", null, "身份证号", "身份证", "公民身份号码", "证件号码", "身份证件号码"),
	PHONE("手机号码", null, "手机", "手机号", "联系电话", "电话", "移动电话", "联系方式"),
	EMAIL("电子邮箱", null, "邮箱", "电子邮件", "email", "e-mail"),
	EDUCATION("学历", "EDUCATION", "文化程度", "最高学历"),
	AFFILIATION("政治面貌", "AFFILIATION"),
	PARTY("民主党派", "PARTY", "所属民主党派", "党派"),
	RELIGION("宗教信仰", null, "宗教"),
	GROUP("类别", "GROUP", "人士类别", "群体", "所属群体", "群体类别", "人员类别", "人士类型", "人员类型", "群体类型", "类型",
			"所属类别"),
	SUBGROUP("细分类别", "SUBGROUP", "子类", "细分群体", "子类别"),
	EMPLOYER("工作单位", null, "单位", "单位名称", "所在单位"),
	POSITION("职务", null, "职位", "职称职务"),
	SECTOR("行业", "SECTOR", "所属行业"),
	CITY("所在城市", null, "城市", "所在市", "市"),
	DISTRICT("所在区县", null, "区县", "区", "所在区"),
	/** City and district in one cell, as many registers keep them: "成都市锦江区", "四川省成都市锦江区". */
	PLACE("所在地", null, "所在地区", "地区", "所属地区", "区域"),
	ADDRESS("联系地址", null, "地址", "通讯地址", "住址"),
	TAGS("标签", null),
	NOTES("备注", null, "说明"),
	CONSENT("同意", null, "是否同意", "本人同意");

	private final String header;

	private final @Nullable String dictionary;

	private final List<String> synonyms;

	ImportField(String header, @Nullable String dictionary, String... synonyms) {
		this.header = header;
		this.dictionary = dictionary;
		this.synonyms = List.of(synonyms);
	}

	/** The header the template writes. */
	String header() {
		return header;
	}

	@Nullable
	String dictionary() {
		return dictionary;
	}

	/** The message key of the field's name in the mapping form. */
	String messageKey() {
		return "import.field." + name();
	}

	/** The field of that name, in any case ("group" as well as "GROUP"). */
	static @Nullable ImportField of(String name) {
		return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(name.strip())).findFirst().orElse(null);
	}

	/**
	 * Key words that name a field inside a longer header, tried in this order after the names: the more
	 * specific first (细分类别 is a subgroup before it is a 类别; 单位电话 is a phone before it is a 单位).
	 */
	static final List<Map.Entry<String, String>> KEYWORDS = List.of(Map.entry("细分", SUBGROUP.name()),
			Map.entry("子类", SUBGROUP.name()), Map.entry("身份证", ID_NUMBER.name()), Map.entry("证件号", ID_NUMBER.name()),
			Map.entry("手机", PHONE.name()), Map.entry("电话", PHONE.name()), Map.entry("邮箱", EMAIL.name()),
			Map.entry("出生", BIRTH_DATE.name()), Map.entry("民族", ETHNICITY.name()), Map.entry("学历", EDUCATION.name()),
			Map.entry("面貌", AFFILIATION.name()), Map.entry("党派", PARTY.name()), Map.entry("宗教", RELIGION.name()),
			Map.entry("单位", EMPLOYER.name()), Map.entry("职务", POSITION.name()), Map.entry("行业", SECTOR.name()),
			Map.entry("类别", GROUP.name()), Map.entry("群体", GROUP.name()), Map.entry("姓名", NAME.name()),
			Map.entry("性别", SEX.name()), Map.entry("城市", CITY.name()), Map.entry("区县", DISTRICT.name()),
			Map.entry("区", DISTRICT.name()), Map.entry("县", DISTRICT.name()), Map.entry("地址", ADDRESS.name()));

	static HeaderMapping mapping() {
		Map<String, List<String>> synonyms = new LinkedHashMap<>();
		for (ImportField field : values()) {
			List<String> names = new java.util.ArrayList<>(field.synonyms);
			names.add(field.header);
			synonyms.put(field.name(), names);
		}
		return new HeaderMapping(synonyms, KEYWORDS);
	}
}
