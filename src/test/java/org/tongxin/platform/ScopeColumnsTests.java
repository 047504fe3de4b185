package org.tongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The columns a data scope is decided on (decision 0010): every table with a unit_id carries its unit's
 * ancestors at depths 2–4, and they follow the unit however a row gets there.
 */
@PlatformTest
class ScopeColumnsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Units units;

	@Test
	void everyTableWithAUnitCarriesTheScopeColumnsAndTheTriggerThatKeepsThem() {
		List<String> tables = jdbc.sql("""
				select c.table_name from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = current_schema() and c.column_name = 'unit_id' and t.table_type = 'BASE TABLE'
				order by 1""").query(String.class).list();
		assertThat(tables).contains("people_person", "org_organisation", "act_event", "platform_job", "programme_project");
		for (String table : tables) {
			List<String> columns = jdbc.sql("""
					select column_name from information_schema.columns
					where table_schema = current_schema() and table_name = ? and column_name like 'unit\\_d_'
					order by 1""").param(table).query(String.class).list();
			assertThat(columns).as(table).containsExactly("unit_d2", "unit_d3", "unit_d4");
			assertThat(jdbc.sql("select count(*) from pg_trigger where tgrelid = cast(? as regclass) and tgname = ?")
				.params(table, table + "_scope")
				.query(Long.class)
				.single()).as(table + " keeps them with a trigger").isOne();
			assertThat(jdbc.sql("""
					select count(*) from %s t join platform_unit u on u.id = t.unit_id
					where t.unit_d2 is distinct from u.unit_d2 or t.unit_d3 is distinct from u.unit_d3
					   or t.unit_d4 is distinct from u.unit_d4""".formatted(table)).query(Long.class).single())
				.as(table + " rows whose columns disagree with their unit")
				.isZero();
		}
	}

	@Test
	void aUnitsColumnsAreItsAncestorsByDepthWhateverItsLevel() {
		assertThat(ancestors(1)).containsExactly(null, null, null);
		assertThat(ancestors(510000)).containsExactly(510000L, null, null);
		assertThat(ancestors(510100)).containsExactly(510000L, 510100L, null);
		assertThat(ancestors(510104)).containsExactly(510000L, 510100L, 510104L);
		// A municipality's district sits at depth 3, as a province-governed county does.
		assertThat(ancestors(500103)).containsExactly(500000L, 500103L, null);
		assertThat(ancestors(429004)).containsExactly(420000L, 429004L, null);
	}

	@Test
	@Transactional
	void aRowFollowsItsUnitOnInsertAndOnEveryMove() {
		Unit site = units.createSite(new UnitId(510104), "范围列测试示范点");
		long person = jdbc.sql("select id from people_person where unit_d3 = 440300 and merged_into is null order by id limit 1")
			.query(Long.class)
			.single();
		jdbc.sql("update people_person set unit_id = 500103 where id = ?").param(person).update();
		assertThat(rowAncestors("people_person", person)).containsExactly(500000L, 500103L, null);
		jdbc.sql("update people_person set unit_id = ? where id = ?").params(site.id().value(), person).update();
		assertThat(rowAncestors("people_person", person)).containsExactly(510000L, 510100L, 510104L);
		// Below depth 4 a site is found by its own id: the scope of that site sees the person, its district too.
		assertThat(visibleTo(DataScope.ofPath(site.path()), person)).isTrue();
		assertThat(visibleTo(DataScope.ofPath("1.510000.510100.510104"), person)).isTrue();
		assertThat(visibleTo(DataScope.ofPath("1.510000.510100.510105"), person)).isFalse();
		assertThat(visibleTo(DataScope.ofPath("1.440000.440300"), person)).isFalse();
		assertThat(visibleTo(DataScope.ofPath("1"), person)).isTrue();

		long organisation = jdbc.sql("insert into org_organisation (name, kind, unit_id) values ('范围列测试组织', 'SOCIAL_ORG', 429004) returning id")
			.query(Long.class)
			.single();
		assertThat(rowAncestors("org_organisation", organisation)).containsExactly(420000L, 429004L, null);
	}

	@Test
	void aScopeIsOneEqualityOnTheColumnOfItsDepthAndListsWalkThatColumnFirst() {
		assertThat(DataScope.ofPath("1").restrict("p.unit_id")).isEqualTo("(true)");
		assertThat(DataScope.ofPath("1.510000").restrict("p.unit_id")).isEqualTo("(p.unit_d2 = :scopeUnit)");
		assertThat(DataScope.ofPath("1.510000.510100").restrict("p.unit_id")).isEqualTo("(p.unit_d3 = :scopeUnit)");
		assertThat(DataScope.ofPath("1.510000.510100.510104").restrict("id")).isEqualTo("(unit_d4 = :scopeUnit)");
		assertThat(DataScope.ofPath("1.510000.510100.510104.100000001").restrict("p.unit_id"))
			.isEqualTo("(p.unit_id = :scopeUnit)");
		assertThat(DataScope.ofPath("1.510000.510100").restrictList("p.unit_id"))
			.isEqualTo("(p.unit_d3 between :scopeUnit and :scopeUnit)");
		assertThat(DataScope.ofPath("1.510000.510100").listOrder("p.unit_id", "p.id desc")).isEqualTo("p.unit_d3 desc, p.id desc");
		assertThat(DataScope.ofPath("1").listOrder("p.unit_id", "p.id desc")).isEqualTo("p.id desc");
	}

	private List<Long> ancestors(long unit) {
		return rowAncestors("platform_unit", unit);
	}

	private List<Long> rowAncestors(String table, long id) {
		return jdbc.sql("select unit_d2, unit_d3, unit_d4 from " + table + " where id = ?")
			.param(id)
			.query((rs, n) -> Arrays.asList((Long) rs.getObject(1), (Long) rs.getObject(2), (Long) rs.getObject(3)))
			.single();
	}

	private boolean visibleTo(DataScope scope, long person) {
		return scope.bind(jdbc.sql("select count(*) from people_person p where p.id = :id and " + scope.restrict("p.unit_id")))
			.param("id", person)
			.query(Long.class)
			.single() == 1;
	}
}
