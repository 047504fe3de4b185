package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

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

/**
 * A Chinese name is kept and searched without spaces between its characters: 司马 云帆, typed with a space
 * between surname and given name, is found by 司马云帆 and the other way round. Latin names keep one space.
 */
@PlatformTest
class PersonNamesTests {

	private static final DataScope CHENGDU = DataScope.ofPath("1.510000.510100");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Persons persons;

	@Test
	void spacesBetweenChineseCharactersGoOtherWhitespaceBecomesOneSpace() {
		assertThat(PersonNames.normalise("司马 云帆")).isEqualTo("司马云帆");
		assertThat(PersonNames.normalise(" 司马\u3000\u3000云帆\t")).isEqualTo("司马云帆");
		assertThat(PersonNames.normalise("Anna   Li")).isEqualTo("Anna Li");
		assertThat(PersonNames.normalise("阿卜杜拉·艾买提")).isEqualTo("阿卜杜拉·艾买提");
		assertThat(PersonNames.normalise("王 Anna")).isEqualTo("王 Anna");
	}

	/** The migration normalised the names stored before with a SQL function: it must say what Java says. */
	@Test
	void theDatabaseFunctionOfTheMigrationFollowsTheSameRule() {
		for (String name : List.of("司马 云帆", " 司马\u3000云帆 ", "Anna   Li", "王 Anna", "欧阳 修 文", "阿卜杜拉·艾买提")) {
			String inDatabase = jdbc.sql("select people_normalised_name(?)").param(name).query(String.class).single();
			assertThat(inDatabase).as(name).isEqualTo(PersonNames.normalise(name));
		}
	}

	@Test
	void aNameEnteredWithASpaceIsFoundWithoutAndTheOtherWayRound() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(PeopleFixtures.create(mvc, chengdu, PeopleFixtures.json(510104, "司马 云帆", PeopleFixtures.idNumber(
				"510104", LocalDate.of(1986, 3, 4), 57), "13900005757", "FREELANCE", "无"))).hasStatus(201);
		long id = PeopleFixtures.idOf(jdbc, "司马云帆");

		assertThat(persons.page(CHENGDU, PersonFilter.query("司马云帆"), null, 5)).extracting(PersonRow::id).contains(id);
		assertThat(persons.page(CHENGDU, PersonFilter.query("司马 云帆"), null, 5)).extracting(PersonRow::id).contains(id);
		assertThat(persons.page(CHENGDU, PersonFilter.query("马 云"), null, 50)).extracting(PersonRow::id).contains(id);
	}
}
