package org.tongxin.people.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.people.LegalBasis;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.PersonForm;
import org.tongxin.people.Sex;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.Refused;
import org.tongxin.platform.ThreadSignIn;

/**
 * One set of person rules: each value below breaks one rule, and the form (through the registry, as the pages
 * and the API use it) and the spreadsheet import both refuse it, on the same field. A rule added to one way in
 * and not the other fails here.
 */
@PlatformTest
class PersonRulesParityTests {

	/** One broken rule, as a form field and as an import cell. */
	record Case(String formField, String importColumn, String formValue, String importValue) {
	}

	static final String FUTURE = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString();

	static final List<Case> CASES = List.of(
			new Case("name", "姓名", "某".repeat(51), "某".repeat(51)),
			new Case("birthDate", "出生日期", FUTURE, FUTURE),
			new Case("idNumber", "身份证号码", "110101199003070000", "110101199003070000"),
			new Case("phone", "手机号码", "12345678901", "12345678901"),
			new Case("email", "电子邮箱", "somebody@nowhere", "somebody@nowhere"),
			new Case("religion", "宗教信仰", "教".repeat(51), "教".repeat(51)),
			new Case("employer", "工作单位", "单".repeat(101), "单".repeat(101)),
			new Case("position", "职务", "职".repeat(101), "职".repeat(101)),
			new Case("address", "联系地址", "址".repeat(201), "址".repeat(201)),
			new Case("tags", "标签", "标".repeat(21), "标".repeat(21)),
			new Case("notes", "备注", "注".repeat(2001), "注".repeat(2001)),
			new Case("subgroup", "细分类别", "LAWYER", "律师"),
			new Case("party", "民主党派", "MINMENG", "中国民主同盟"));

	static final List<String> COLUMNS = List.of("姓名", "性别", "类别", "所在城市", "出生日期", "身份证号码", "手机号码",
			"电子邮箱", "宗教信仰", "工作单位", "职务", "联系地址", "标签", "备注", "细分类别", "政治面貌", "民主党派");

	@Autowired
	PeopleRegistry registry;

	@Autowired
	PeopleImports imports;

	@RegisterExtension
	final ThreadSignIn signIn = new ThreadSignIn();

	@Test
	void theFormAndTheImportRefuseTheSameValuesOnTheSameField() throws Exception {
		signIn.as("chengdu");
		for (Case c : CASES) {
			Refused refused = catchThrowableOfType(Refused.class, () -> registry.create(form(c)));
			assertThat(refused).as("the form refuses " + c.formField()).isNotNull();
			assertThat(refused.fields()).as("the form's fields for " + c.formField()).containsKey(c.formField());
		}

		List<String> lines = new ArrayList<>();
		lines.add(String.join(",", COLUMNS));
		for (Case c : CASES) {
			lines.add(String.join(",", COLUMNS.stream().map(column -> cell(c, column)).toList()));
		}
		UUID id = imports.submit("rules.csv", "text/csv",
				new ByteArrayInputStream(ImportFiles.csv(StandardCharsets.UTF_8, true, lines)), ImportMode.SKIP, true);
		PeopleImports.ImportJob job = ImportFiles.await(imports, id);

		assertThat(job.result().inserted()).as("no row of the file is clean").isZero();
		List<List<String>> report;
		try (InputStream in = imports.open(imports.errors(job.job().publicId()).orElseThrow())) {
			report = ImportFiles.read(in);
		}
		for (int i = 0; i < CASES.size(); i++) {
			String row = Integer.toString(i + 2);
			Case c = CASES.get(i);
			assertThat(report).as("the import refuses " + c.importColumn() + " in row " + row)
				.anySatisfy(line -> assertThat(line.subList(0, 2)).containsExactly(row, c.importColumn()));
		}
	}

	@Test
	void theFormShowsEveryBrokenRuleAtOnce() {
		signIn.as("chengdu");
		PersonForm nothing = new PersonForm(null, " ", null, null, null, null, "123", "x", null, null, null, null, null,
				null, null, null, null, null, null, null, null);

		Refused refused = catchThrowableOfType(Refused.class, () -> registry.create(nothing));

		assertThat(refused.fields()).containsOnlyKeys("unit", "legalBasis", "name", "sex", "phone", "email", "group");
		assertThat(refused.fields()).containsEntry("name", "person.name.required")
			.containsEntry("sex", "person.sex.required")
			.containsEntry("group", "person.group.required");
	}

	/** A valid person but for the one value the case breaks. */
	private static PersonForm form(Case c) {
		Map<String, String> v = Map.of(c.formField(), c.formValue());
		String affiliation = c.formField().equals("party") ? "MASSES" : null;
		return new PersonForm(510104L, v.getOrDefault("name", "规则甲"), Sex.F,
				v.containsKey("birthDate") ? LocalDate.parse(v.get("birthDate")) : LocalDate.of(1990, 5, 6), "01",
				v.get("idNumber"), v.get("phone"), v.get("email"), null, affiliation, v.get("party"), v.get("religion"),
				"FREELANCE", v.get("subgroup"), v.get("employer"), v.get("position"), null, v.get("address"),
				v.get("tags"), v.get("notes"), LegalBasis.CONSENT);
	}

	private static String cell(Case c, String column) {
		if (column.equals(c.importColumn())) {
			return c.importValue();
		}
		return switch (column) {
			case "姓名" -> "规则乙";
			case "性别" -> "女";
			case "类别" -> "自由职业人员";
			case "所在城市" -> "成都市";
			case "政治面貌" -> c.importColumn().equals("民主党派") ? "群众" : "";
			default -> "";
		};
	}
}
