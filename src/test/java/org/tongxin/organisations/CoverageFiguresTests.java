package org.tongxin.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.TargetGroup;

/**
 * Coverage arithmetic on a fixture with known numbers, in 绵阳 (a programme city without demo organisations):
 * <pre>
 *   涪城区  A INDEPENDENT 2 party members, 4 active members (+1 left)   B JOINT 1, 3 active (+1 whose term ended)
 *   游仙区  C NONE 0, 2 active
 *   绵阳市  D NONE 0, 1 active;  E INDEPENDENT 5, dissolved (not counted)
 * </pre>
 * Totals: 4 organisations, 2 with a party organisation → 50.0 %; 10 members, 3 party members → 30.0 %.
 */
@PlatformTest
class CoverageFiguresTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	List<Long> persons;

	@BeforeEach
	void fixture() {
		persons = jdbc.sql("select id from people_person where region_code = '510700' and anonymised_at is null order by id limit 12")
			.query(Long.class)
			.list();
		if (jdbc.sql("select count(*) from org_organisation where name like '覆盖测试%'").query(Long.class).single() > 0) {
			return;
		}
		long a = org(510703, "覆盖测试A", "INDEPENDENT", 2, null);
		long b = org(510703, "覆盖测试B", "JOINT", 1, null);
		long c = org(510704, "覆盖测试C", "NONE", 0, null);
		long d = org(510700, "覆盖测试D", "NONE", 0, null);
		long e = org(510700, "覆盖测试E", "INDEPENDENT", 5, "2020-01-01");
		int p = 0;
		for (int i = 0; i < 4; i++) {
			member(a, persons.get(p++), "ACTIVE", null);
		}
		member(a, persons.get(10), "LEFT", null);
		for (int i = 0; i < 3; i++) {
			member(b, persons.get(p++), "ACTIVE", null);
		}
		member(b, persons.get(11), "ACTIVE", "2021-06-30");
		for (int i = 0; i < 2; i++) {
			member(c, persons.get(p++), "ACTIVE", null);
		}
		member(d, persons.get(p++), "ACTIVE", null);
		member(e, persons.get(0), "ACTIVE", null);
		if (jdbc.sql("select count(*) from platform_account where username = 'mianyang_org'").query(Long.class).single() == 0) {
			String hash = jdbc.sql("select password_hash from platform_account where username = 'chengdu'").query(String.class).single();
			long id = jdbc.sql("""
					insert into platform_account (username, display_name, unit_id, password_hash)
					values ('mianyang_org', '绵阳市委统战部（测试）', 510700, ?) returning id""").param(hash).query(Long.class).single();
			jdbc.sql("insert into platform_account_role (account_id, role) values (?, 'STAFF')").param(id).update();
		}
	}

	long org(long unit, String name, String form, int partyMembers, String dissolved) {
		return jdbc.sql("""
				insert into org_organisation (unit_id, name, kind, party_org_form, party_members, founded_on, dissolved_on)
				values (?, ?, 'ASSOCIATION', ?, ?, date '2017-01-01', cast(? as date)) returning id""")
			.params(unit, name, form, partyMembers, dissolved)
			.query(Long.class)
			.single();
	}

	void member(long org, long person, String status, String end) {
		jdbc.sql("""
				insert into org_membership (organisation_id, person_id, role, status, term_start, term_end)
				values (?, ?, 'MEMBER', ?, date '2018-01-01', cast(? as date))""")
			.params(org, person, status, end)
			.update();
	}

	Map<String, List<String>> table(MockHttpSession session, String table) throws Exception {
		var result = mvc.get().uri("/organisations/figures/" + table + ".xlsx").session(session).exchange();
		assertThat(result).hasStatusOk();
		Map<String, List<String>> rows = new LinkedHashMap<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			for (Row row : book.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (Cell cell : row) {
					cells.add(cell.getCellType() == CellType.NUMERIC ? Long.toString((long) cell.getNumericCellValue())
							: cell.getStringCellValue());
				}
				rows.put(cells.get(0), cells.subList(1, cells.size()));
			}
		}
		return rows;
	}

	@Test
	void aCityAccountSeesItsDistrictsWithExactRates() throws Exception {
		MockHttpSession mianyang = SignIn.as(mvc, "mianyang_org");
		Map<String, List<String>> coverage = table(mianyang, "coverage");
		assertThat(coverage.get("合计")).containsExactly("4", "2", "50.0%", "10", "3", "30.0%");
		assertThat(coverage.get("四川省 / 绵阳市")).containsExactly("1", "0", "0.0%", "1", "0", "0.0%");
		assertThat(coverage.get("绵阳市 / 涪城区")).containsExactly("2", "2", "100.0%", "7", "3", "42.9%");
		assertThat(coverage.get("绵阳市 / 游仙区")).containsExactly("1", "0", "0.0%", "2", "0", "0.0%");
		assertThat(coverage).hasSize(5);

		Map<String, List<String>> groups = table(mianyang, "groups");
		assertThat(groups.get("合计").get(groups.get("合计").size() - 1)).isEqualTo("10");
		long sum = groups.get("合计").subList(0, groups.get("合计").size() - 1).stream().mapToLong(Long::parseLong).sum();
		assertThat(sum).isEqualTo(10);
		// Each member counted under the group the registry holds (read without decrypting anything), none unknown.
		Map<String, Long> byGroup = new LinkedHashMap<>();
		jdbc.sql("""
				select p.group_code, count(*) from (
				    select distinct o.unit_id, m.person_id from org_membership m join org_organisation o on o.id = m.organisation_id
				    where o.name like '覆盖测试%' and o.dissolved_on is null and m.status = 'ACTIVE'
				      and (m.term_end is null or m.term_end >= current_date)) x
				join people_person p on p.id = x.person_id group by 1""")
			.query((rs, n) -> byGroup.put(rs.getString(1), rs.getLong(2)))
			.list();
		List<String> expected = new ArrayList<>();
		for (String group : TargetGroup.CODES) {
			expected.add(Long.toString(byGroup.getOrDefault(group, 0L)));
		}
		expected.add("10");
		assertThat(groups.get("合计")).containsExactlyElementsOf(expected);
		assertThat(groups.values()).noneMatch(row -> row.contains("未知"));

		assertThat(mvc.get().uri("/organisations/figures").session(mianyang)).hasStatusOk()
			.bodyText()
			.contains("50.0%")
			.contains("30.0%")
			.contains("42.9%");
	}

	@Test
	void aProvinceSeesOneRowPerCity() throws Exception {
		Map<String, List<String>> coverage = table(SignIn.as(mvc, "sichuan"), "coverage");
		assertThat(coverage.get("四川省 / 绵阳市")).containsExactly("4", "2", "50.0%", "10", "3", "30.0%");
		assertThat(coverage).containsKey("四川省 / 成都市").doesNotContainKey("绵阳市 / 涪城区");
		Map<String, List<String>> chengdu = table(SignIn.as(mvc, "chengdu"), "coverage");
		assertThat(chengdu.keySet()).noneMatch(k -> k.contains("绵阳"));
	}
}
