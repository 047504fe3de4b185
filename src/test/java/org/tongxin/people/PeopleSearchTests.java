package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.people.internal.PersonRow;
import org.tongxin.people.internal.Persons;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.crypto.FieldCipher;

/**
 * The search box against a sequential scan: for 1–4 character name fragments the indexed search finds
 * exactly the persons {@code name like '%q%'} finds within the scope; phone tails and ID numbers are exact.
 */
@PlatformTest
class PeopleSearchTests {

	static final DataScope CHENGDU = new DataScope(new UnitId(510100), PeopleFixtures.CHENGDU_PATH);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Persons persons;

	@Autowired
	FieldCipher cipher;

	Set<Long> searched(String q) {
		Set<Long> ids = new LinkedHashSet<>();
		Long before = null;
		List<PersonRow> page;
		do {
			page = persons.page(CHENGDU, PersonFilter.query(q), before, 200);
			page.forEach(row -> ids.add(row.id()));
			before = page.isEmpty() ? null : page.get(page.size() - 1).id();
		}
		while (page.size() == 200);
		return ids;
	}

	Set<Long> scanned(String q) {
		return new LinkedHashSet<>(jdbc.sql("""
				select p.id from people_person p
				where p.unit_id in (select u.id from platform_unit u where u.path <@ cast(? as ltree))
				  and p.anonymised_at is null and strpos(p.name, ?) > 0 order by p.id desc""")
			.params(PeopleFixtures.CHENGDU_PATH, q)
			.query(Long.class)
			.list());
	}

	@Test
	void nameFragmentsOfOneToFourCharactersFindExactlyWhatAScanFinds() {
		List<String> names = jdbc.sql("""
				select p.name from people_person p
				where p.unit_id in (select u.id from platform_unit u where u.path <@ cast(? as ltree)) and p.name is not null
				order by p.id limit 400""").param(PeopleFixtures.CHENGDU_PATH).query(String.class).list();
		List<String> fragments = new ArrayList<>(List.of("王", "李", "张", "伟", "芳", "王伟", "李娜", "张敏", "欧阳", "司马"));
		for (String name : names.subList(0, 40)) {
			fragments.add(name.substring(name.length() - 1));
			fragments.add(name.substring(0, Math.min(2, name.length())));
			fragments.add(name);
		}
		jdbc.sql("select name from people_person where char_length(name) >= 3 order by id limit 20").query(String.class)
			.list().forEach(n -> {
				fragments.add(n);
				fragments.add(n.substring(n.length() - 3));
			});
		jdbc.sql("select name from people_person where char_length(name) = 4 order by id limit 5").query(String.class)
			.list().forEach(fragments::add);
		assertThat(fragments.stream().mapToInt(String::length).max().orElseThrow()).isEqualTo(4);
		for (String q : fragments) {
			assertThat(new ArrayList<>(searched(q))).as(q).isEqualTo(new ArrayList<>(scanned(q)));
		}
		assertThat(searched("王")).hasSizeGreaterThan(50);
	}

	@Test
	void aShortFragmentFindsOldMatchesBeyondTheNewestIdWindows() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long old = PeopleFixtures.created(mvc, jdbc, chengdu, 510104, "燊甲", PeopleFixtures.idNumber("510104",
				LocalDate.of(1980, 1, 2), 31), "13900001111", "FREELANCE", "无");
		// Two million ids later: more than every window the search tries before it reads the whole table.
		jdbc.sql("select setval('people_person_id_seq', ?)").param(old + 2_000_000).query(Long.class).single();
		long recent = PeopleFixtures.created(mvc, jdbc, chengdu, 510104, "燊乙", PeopleFixtures.idNumber("510104",
				LocalDate.of(1981, 1, 2), 33), "13900002222", "FREELANCE", "无");

		assertThat(persons.page(CHENGDU, PersonFilter.query("燊"), null, 1)).extracting(PersonRow::id).containsExactly(recent);
		assertThat(persons.page(CHENGDU, PersonFilter.query("燊"), null, 5)).extracting(PersonRow::id)
			.containsExactly(recent, old);
		assertThat(persons.page(CHENGDU, PersonFilter.query("燊"), recent, 5)).extracting(PersonRow::id).containsExactly(old);
		assertThat(new ArrayList<>(searched("燊"))).containsExactly(recent, old);
	}

	@Test
	void theSearchUsesTheIndexesAtScale() {
		// A rare character: a common one ("王", in 7 % of names) is rightly read by a scan at this size.
		String plan = String.join("\n", jdbc.sql("""
				explain select p.id from people_person p where p.name_grams @> array[cast('燚' as text)]""")
			.query(String.class).list());
		assertThat(plan).contains("people_person_name_grams");
		String cityPlan = String.join("\n", jdbc.sql("""
				explain select p.id from people_person p where p.scoped_grams @> array[cast('510100:燚' as text)]""")
			.query(String.class).list());
		assertThat(cityPlan).contains("people_person_scoped_grams");
	}

	@Test
	void phoneTailsFindExactlyThePersonsWhosePhoneEndsSo() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long id = PeopleFixtures.created(mvc, jdbc, chengdu, 510107, "尾号测试", PeopleFixtures.idNumber("510107",
				LocalDate.of(1979, 2, 3), 21), "18600002468", "FREELANCE", "无");
		Set<Long> found = searched("2468");
		assertThat(found).contains(id);
		Set<Long> expected = new LinkedHashSet<>();
		Long before = null;
		List<PersonRow> page;
		do {
			page = persons.page(CHENGDU, PersonFilter.none(), before, 1000);
			for (PersonRow row : page) {
				if (row.phoneCipher() != null && cipher.decrypt(row.phoneCipher()).endsWith("2468")) {
					expected.add(row.id());
				}
			}
			before = page.isEmpty() ? null : page.get(page.size() - 1).id();
		}
		while (page.size() == 1000);
		assertThat(found).isEqualTo(expected);
		assertThat(searched("18600002468")).containsExactly(id);
		assertThat(mvc.get().uri("/api/v1/people?q=2468&size=500").session(chengdu)).bodyJson()
			.extractingPath("$.items[*].phone").asArray().allSatisfy(p -> assertThat(p.toString()).endsWith("2468"));
	}

	@Test
	void anIdNumberFindsItsPersonExactlyInAnySpelling() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String first17 = "51010619491231002";
		String id = first17 + IdNumber.checkCharacter(first17);
		long person = PeopleFixtures.created(mvc, jdbc, chengdu, 510106, "证号测试", id, "13500001357", "INTERMEDIARY",
				"四川同心律师事务所");
		assertThat(searched(id)).containsExactly(person);
		assertThat(searched(id.toLowerCase())).containsExactly(person);
		String legacy = id.substring(0, 6) + id.substring(8, 17);
		assertThat(searched(legacy)).containsExactly(person);
		assertThat(searched(first17 + (id.endsWith("0") ? "1" : "0"))).isEmpty();
		assertThat(mvc.get().uri("/people?q={q}", id).session(chengdu)).bodyText().contains("证号测试").contains("共 1 条");
		assertThat(mvc.get().uri("/people?q={q}", id).session(SignIn.as(mvc, "shenzhen"))).bodyText()
			.doesNotContain("证号测试").contains("共 0 条");
	}

	@Test
	void employerFragmentsAndFiltersNarrowTheList() {
		PersonFilter lawyers = new PersonFilter(null, "INTERMEDIARY", "LAWYER", 510100L, null, 30, 40, null,
				ConsentState.GIVEN, "律师");
		List<PersonRow> rows = persons.page(CHENGDU, lawyers, null, 500);
		assertThat(rows).isNotEmpty().allSatisfy(row -> {
			assertThat(row.group()).isEqualTo("INTERMEDIARY");
			assertThat(row.subgroup()).isEqualTo("LAWYER");
			assertThat(row.employer()).contains("律师");
			assertThat(row.consentState()).isEqualTo("GIVEN");
			assertThat(java.time.Period.between(row.birthDate(), LocalDate.now()).getYears()).isBetween(30, 40);
		});
		assertThat(persons.count(CHENGDU, lawyers)).isEqualTo(rows.size());
		List<PersonRow> young = persons.page(CHENGDU, new PersonFilter(null, null, null, 510104L, null, null, null, "青年",
				null, null), null, 500);
		assertThat(young).isNotEmpty().allSatisfy(row -> {
			assertThat(row.tags()).contains("青年");
			assertThat(row.unitId()).isEqualTo(510104L);
		});
	}
}
