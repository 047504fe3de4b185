package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/** The retention rule: records not updated for tongxin.people.retention-years (5) are flagged, in scope. */
@PlatformTest
class RetentionTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	long staleIn(String path) {
		return jdbc.sql("""
				select count(*) from people_person p join platform_unit u on u.id = p.unit_id
				where u.path <@ cast(? as ltree) and p.anonymised_at is null and p.merged_into is null
				  and p.updated_at < now() - interval '5 years'""")
			.param(path)
			.query(Long.class)
			.single();
	}

	@Test
	void theListCountsAndFiltersRecordsBeyondTheRetentionPeriodWithinScope() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long stale = staleIn("1.510000.510100");
		assertThat(stale).isPositive();
		// The list fetches its hint once shown.
		assertThat(mvc.get().uri("/people").session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("hx-get=\"/people/retention-count?");
		assertThat(mvc.get().uri("/people/retention-count").session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("其中 " + String.format("%,d", stale) + " 条超过保留期限");
		assertThat(mvc.get().uri("/people?stale=true").session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("共 " + String.format("%,d", stale) + " 条")
			.doesNotContain("深圳市");
	}

	@Test
	void thePersonsPageCarriesTheBadgeOnlyWhenTheRecordIsBeyondTheRetentionPeriod() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String query = """
				select p.id from people_person p join platform_unit u on u.id = p.unit_id
				where u.path <@ cast('1.510000.510100' as ltree) and p.anonymised_at is null and p.merged_into is null
				  and (p.updated_at < now() - interval '5 years') = ? order by p.id limit 1""";
		long old = jdbc.sql(query).param(true).query(Long.class).single();
		long recent = jdbc.sql(query).param(false).query(Long.class).single();
		assertThat(mvc.get().uri("/people/{id}", old).session(chengdu)).bodyText().contains("超过保留期限");
		assertThat(mvc.get().uri("/people/{id}", recent).session(chengdu)).bodyText().doesNotContain("超过保留期限");
	}
}
