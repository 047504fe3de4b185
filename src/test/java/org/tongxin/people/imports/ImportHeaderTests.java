package org.tongxin.people.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tongxin.platform.tabular.HeaderMapping;
import org.tongxin.platform.tabular.SheetRow;

/** How the people import reads the headers people actually write. */
class ImportHeaderTests {

	static HeaderMapping.Located locate(String... headers) {
		return ImportField.mapping().locate(List.of(new SheetRow(1, List.of(headers))), 2).orElseThrow();
	}

	@ParameterizedTest
	@ValueSource(strings = { "群体类别", "人员类别", "人士类型", "类型", "类别", "人士类别", "类别（必填）", "类别(必填)：", "*类别:",
			"所属群体类别", "群体类别【必选】", " 人 员 类 别 ", "人士类别（下拉选择）" })
	void theGroupColumnIsFoundUnderTheNamesPeopleGiveIt(String header) {
		HeaderMapping.Located located = locate("姓名", header);

		assertThat(located.columns()).containsEntry("GROUP", 1);
		assertThat(located.used()).containsEntry(header.strip(), "GROUP");
		assertThat(located.unknownHeaders()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "身份证号码（18位）,ID_NUMBER", "公民身份证号,ID_NUMBER", "证件号码：,ID_NUMBER", "ＩＤ 身份证,ID_NUMBER",
			"手机号码(必填),PHONE", "本人手机,PHONE", "办公电话,PHONE", "联系电话：,PHONE", "工作单位及职务,EMPLOYER",
			"现工作单位,EMPLOYER", "所在区（县）,DISTRICT", "区/县,DISTRICT", "所属县,DISTRICT", "姓　名,NAME",
			"电子邮箱（选填）,EMAIL", "细分类别,SUBGROUP", "出生年月日,BIRTH_DATE" })
	void normalisedTextThenSynonymsThenAKeyWordName(String header, String field) {
		HeaderMapping.Located located = locate(header, "类别", "姓名");

		assertThat(located.columns()).containsEntry(field, 0);
	}

	@Test
	void aNameWinsOverAKeyWordAndAFieldIsTakenOnce() {
		// 单位电话 holds 电话, but 手机号码 names the phone exactly; 电话 is then taken and 单位电话 is not used.
		HeaderMapping.Located located = locate("单位电话", "姓名", "手机号码", "类别", "证件类型");

		assertThat(located.columns()).containsEntry("PHONE", 2).containsEntry("NAME", 1).containsEntry("GROUP", 3);
		assertThat(located.unknownHeaders()).containsExactly("单位电话", "证件类型");
		assertThat(located.used()).containsExactly(Map.entry("姓名", "NAME"), Map.entry("手机号码", "PHONE"),
				Map.entry("类别", "GROUP"));
	}

	@Test
	void aUsersMappingWinsAndCanLeaveAColumnOut() {
		HeaderMapping mapping = ImportField.mapping()
			.with(PeopleImports.canonical(Map.of("就职机构", "employer", "手机号码", "ignore", "备用手机", "PHONE")));

		HeaderMapping.Located located = mapping
			.locate(List.of(new SheetRow(1, List.of("姓名", "类别", "就职机构", "手机号码", "备用手机"))), 2)
			.orElseThrow();

		assertThat(located.columns()).containsEntry("EMPLOYER", 2).containsEntry("PHONE", 4);
		assertThat(located.unknownHeaders()).containsExactly("手机号码");
	}
}
