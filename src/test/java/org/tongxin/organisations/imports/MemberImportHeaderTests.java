package org.tongxin.organisations.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tongxin.platform.tabular.HeaderMapping;
import org.tongxin.platform.tabular.SheetRow;

/** The member import reads headers as the people import does. */
class MemberImportHeaderTests {

	@ParameterizedTest
	@ValueSource(strings = { "群体类别", "人员类别", "人士类型", "类型", "群体（必填）", "所属群体类别：" })
	void theGroupColumnIsFoundUnderTheNamesPeopleGiveIt(String header) {
		HeaderMapping.Located located = new HeaderMapping(MemberImports.HEADERS, MemberImports.KEYWORDS)
			.locate(List.of(new SheetRow(1, List.of("姓 名", "身份证号码（18位）", "本人手机：", header))), 2)
			.orElseThrow();

		assertThat(located.columns()).containsEntry("name", 0)
			.containsEntry("idNumber", 1)
			.containsEntry("phone", 2)
			.containsEntry("group", 3);
	}
}
