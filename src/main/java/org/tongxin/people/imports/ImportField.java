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
	GROUP("类别", "GROUP", "人士类别", "群体", "所属群体"),
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

	static @Nullable ImportField of(String name) {
		return Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst().orElse(null);
	}

	static HeaderMapping mapping() {
		Map<String, List<String>> synonyms = new LinkedHashMap<>();
		for (ImportField field : values()) {
			List<String> names = new java.util.ArrayList<>(field.synonyms);
			names.add(field.header);
			synonyms.put(field.name(), names);
		}
		return new HeaderMapping(synonyms);
	}
}
