package org.tongxin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The demo module seeds the data set the README describes, through every module's seeding interface: the
 * registry in the programme's cities, the 15 batch-1 projects, the closed review round over them, exemplary
 * cases, organisations with members and events with registrations.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class DemoModuleTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoDataSetIsTheOneTheReadmeDescribes() {
		// The synthetic registry and the duplicates planted in it for the merge screen.
		assertThat(count("select count(*) from people_person")).isBetween(20_000L, 20_100L);
		assertThat(count("""
				select count(*) from people_person p join platform_unit pu on pu.id = p.unit_id
				 where not exists (select 1 from programme_city c join platform_unit cu on cu.id = c.unit_id
				                    where pu.path <@ cu.path)""")).as("persons outside the programme's cities").isZero();
		assertThat(count("select count(*) from programme_batch")).isEqualTo(2);
		assertThat(count("""
				select count(*) from programme_project p join programme_batch b on b.id = p.batch_id
				 where b.number = 1""")).isEqualTo(15);
		assertThat(count("""
				select count(*) from programme_review_round where title = '2018年中期推动' and state = 'CLOSED'""")).isOne();
		assertThat(count("select count(*) from programme_review_result")).isEqualTo(15);
		assertThat(count("select count(*) from programme_case where published_at is not null")).isEqualTo(3);
		assertThat(count("select count(*) from org_organisation")).isGreaterThan(10);
		assertThat(count("select count(*) from org_membership")).isGreaterThan(100);
		assertThat(count("select count(*) from act_event")).isGreaterThan(10);
		assertThat(count("select count(*) from act_registration")).isGreaterThan(100);
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
