package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.people.internal.Persons;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.Tally;

/**
 * What the person list says about its size: counted up to the cap, the planner's estimate when that is far
 * beyond the cap (a list of millions does not count itself per view), and nothing to count when the first
 * page is not full.
 */
@PlatformTest
class ListTallyTests {

	@Autowired
	Persons persons;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	static final PersonFilter ALL = PersonFilter.none();

	@Test
	void farBeyondTheCapTheListGivesTheEstimateRoundedToTwoDigits() {
		long all = jdbc.sql("select count(*) from people_person where anonymised_at is null and merged_into is null")
			.query(Long.class)
			.single();
		Tally tally = persons.tally(DataScope.ofPath("1"), ALL, 100);
		assertThat(tally.kind()).isEqualTo(Tally.Kind.ABOUT);
		assertThat((double) tally.value()).isCloseTo(all, org.assertj.core.data.Percentage.withPercentage(15));
		assertThat(String.valueOf(tally.value())).matches("\\d{2}0+");
	}

	@Test
	void nearTheCapTheListCountsAndStopsAtTheCap() {
		DataScope yuzhong = DataScope.ofPath("1.500000.500103");
		long inYuzhong = jdbc.sql("select count(*) from people_person where unit_id = 500103 and anonymised_at is null and merged_into is null")
			.query(Long.class)
			.single();
		assertThat(inYuzhong).isGreaterThan(1);
		assertThat(persons.tally(yuzhong, ALL, inYuzhong)).isEqualTo(Tally.exact(inYuzhong));
		assertThat(persons.tally(yuzhong, ALL, inYuzhong - 1)).isEqualTo(new Tally(inYuzhong - 1, Tally.Kind.AT_LEAST));
	}

	@Test
	void estimatesAreRoundedAndCountsCapped() {
		assertThat(Tally.about(172_345)).isEqualTo(new Tally(170_000, Tally.Kind.ABOUT));
		assertThat(Tally.about(96)).isEqualTo(new Tally(96, Tally.Kind.ABOUT));
		assertThat(Tally.upTo(10_001, 10_000)).isEqualTo(new Tally(10_000, Tally.Kind.AT_LEAST));
		assertThat(Tally.upTo(10_000, 10_000)).isEqualTo(Tally.exact(10_000));
	}

	@Test
	void aSearchCountsOnlyUpToAThousand() {
		long wang = jdbc.sql("select count(*) from people_person where name like '%王%' and anonymised_at is null and merged_into is null")
			.query(Long.class)
			.single();
		assertThat(wang).as("demo persons named 王").isBetween(1_001L, 2_999L);
		assertThat(mvc.get().uri("/people?q=王").session(SignIn.as(mvc, "central"))).hasStatusOk()
			.bodyText()
			.contains("超过 1,000 条");
	}

	@Test
	void theCentresListSaysAboutHowManyAndARareNameHowManyExactly() {
		var central = SignIn.as(mvc, "central");
		assertThat(mvc.get().uri("/people").session(central)).hasStatusOk().bodyText().contains("超过 10,000 条");
		String rare = jdbc.sql("select name from people_person where anonymised_at is null and merged_into is null"
				+ " and char_length(name) = 3 order by id limit 1").query(String.class).single();
		assertThat(mvc.get().uri("/people?q=" + rare).session(central)).hasStatusOk().bodyText().containsPattern("共 \\d+ 条");
	}
}
