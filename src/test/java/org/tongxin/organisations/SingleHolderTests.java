package org.tongxin.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/** 换届 closes every position of the old term, and an organisation has one 会长 and one 秘书长 at a time. */
@PlatformTest
class SingleHolderTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	long organisation(MockHttpSession session, String prefix) {
		String name = prefix + System.nanoTime() % 1000000;
		assertThat(mvc.post()
			.uri("/api/v1/organisations")
			.session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"unit": 510104, "name": "%s", "kind": "ASSOCIATION", "partyOrgForm": "NONE"}""".formatted(name)))
			.hasStatus(201);
		return jdbc.sql("select id from org_organisation where name = ?").param(name).query(Long.class).single();
	}

	long personIn(String regionCode, int offset) {
		return jdbc.sql("""
				select id from people_person where region_code = ? and anonymised_at is null and merged_into is null
				and id not in (select person_id from org_membership) order by id desc limit 1 offset ?""")
			.params(regionCode, offset)
			.query(Long.class)
			.single();
	}

	MvcTestResult addMember(MockHttpSession session, long org, long person, String role, String termEnd) {
		return mvc.post()
			.uri("/api/v1/organisations/{id}/members", org)
			.session(session)
			.with(csrf())
			.header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"person\": %d, \"role\": \"%s\", \"termStart\": \"2020-01-01\", \"termEnd\": %s}".formatted(person,
					role, termEnd == null ? "null" : "\"" + termEnd + "\""))
			.exchange();
	}

	long currentHolders(long org, String role) {
		return jdbc.sql("""
				select count(*) from org_membership where organisation_id = ? and role = ? and status = 'ACTIVE'
				and (term_end is null or term_end >= current_date)""")
			.params(org, role)
			.query(Long.class)
			.single();
	}

	@Test
	void aNewTermClosesAnOldPositionWhoseTermHasAPlannedEnd() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long org = organisation(chengdu, "计划届满会");
		long president = personIn("510100", 50);
		long secretary = personIn("510100", 51);
		long next = personIn("510100", 52);
		assertThat(addMember(chengdu, org, president, "PRESIDENT", "2099-12-31")).hasStatus(201);
		assertThat(addMember(chengdu, org, secretary, "SECRETARY_GENERAL", "2099-06-30")).hasStatus(201);
		assertThat(addMember(chengdu, org, next, "MEMBER", null)).hasStatus(201);

		assertThat(mvc.post()
			.uri("/organisations/{id}/term", org)
			.session(chengdu)
			.with(csrf())
			.param("on", "2024-01-01")
			.param("term", "1")
			.param("person", Long.toString(next))
			.param("role", "PRESIDENT")).hasStatus3xxRedirection();

		assertThat(jdbc.sql("""
				select person_id || ' ' || role || ' ' || term_no || ' ' || coalesce(term_end::text, '-')
				from org_membership where organisation_id = ? and role <> 'MEMBER' order by id""")
			.param(org)
			.query(String.class)
			.list()).containsExactly(president + " PRESIDENT 1 2023-12-31", secretary + " SECRETARY_GENERAL 1 2023-12-31",
					next + " PRESIDENT 2 -");
		assertThat(currentHolders(org, "PRESIDENT")).isOne();
		assertThat(currentHolders(org, "SECRETARY_GENERAL")).isZero();
	}

	@Test
	void aSecondCurrentPresidentIsRefusedWithAClearMessage() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long org = organisation(chengdu, "双会长会");
		long first = personIn("510100", 60);
		long second = personIn("510100", 61);
		assertThat(addMember(chengdu, org, first, "PRESIDENT", "2099-12-31")).hasStatus(201);

		MvcTestResult api = addMember(chengdu, org, second, "PRESIDENT", null);
		assertThat(api).hasStatus(400);
		assertThat(api).bodyJson().extractingPath("$.code").isEqualTo("member.role.singleHolder");
		assertThat(api).bodyJson().extractingPath("$.detail").asString().contains("同一职务同一时间只能有一人担任");

		assertThat(mvc.post()
			.uri("/organisations/{id}/members", org)
			.session(chengdu)
			.with(csrf())
			.param("person", Long.toString(second))
			.param("role", "PRESIDENT")
			.param("status", "ACTIVE")
			.param("joinedVia", "APPLICATION")).hasStatusOk().bodyText().contains("同一职务同一时间只能有一人担任");

		// Two vice-presidents are fine: only 会长 and 秘书长 are single-holder roles.
		assertThat(addMember(chengdu, org, second, "VICE_PRESIDENT", null)).hasStatus(201);
		assertThat(addMember(chengdu, org, personIn("510100", 62), "VICE_PRESIDENT", null)).hasStatus(201);
		assertThat(currentHolders(org, "PRESIDENT")).isOne();

		// The database itself refuses, whatever writes the row.
		assertThatThrownBy(() -> jdbc.sql("""
				insert into org_membership (organisation_id, person_id, role, term_no, status)
				values (?, ?, 'PRESIDENT', 1, 'ACTIVE')""").params(org, second).update())
			.isInstanceOf(DuplicateKeyException.class);

		// Once the first has left, the second may take the office.
		long held = jdbc.sql("select id from org_membership where organisation_id = ? and person_id = ? and role = 'PRESIDENT'")
			.params(org, first)
			.query(Long.class)
			.single();
		assertThat(mvc.post()
			.uri("/organisations/{id}/members/{m}/status", org, held)
			.session(chengdu)
			.with(csrf())
			.param("status", "LEFT")
			.param("version", "0")).hasStatus3xxRedirection();
		assertThat(addMember(chengdu, org, second, "PRESIDENT", null)).hasStatus(201);
		assertThat(currentHolders(org, "PRESIDENT")).isOne();
	}

	@Test
	void theMigrationLeavesOneHolderPerTermAndClosesOldTermsDeterministically() throws IOException {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long org = organisation(chengdu, "迁移清理会");
		long a = personIn("510100", 70);
		long b = personIn("510100", 71);
		long c = personIn("510100", 72);
		String migration = new ClassPathResource("db/migration/V96__organisations_single_holder.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(status -> {
			// The state the old code could leave: two presidents in term 1 and an old-term one still in office.
			jdbc.sql("drop index org_membership_single_holder").update();
			jdbc.sql("update org_organisation set current_term = 2 where id = ?").param(org).update();
			for (Object[] row : List.<Object[]>of(new Object[] { a, 1, "2020-01-01", "2099-12-31" },
					new Object[] { b, 1, "2021-01-01", null }, new Object[] { c, 2, "2024-01-01", null })) {
				jdbc.sql("""
						insert into org_membership (organisation_id, person_id, role, term_no, term_start, term_end, status)
						values (?, ?, 'PRESIDENT', ?, cast(? as date), cast(? as date), 'ACTIVE')""")
					.params(org, row[0], row[1], row[2], row[3])
					.update();
			}
			jdbc.sql(migration).update();
			assertThat(jdbc.sql("""
					select person_id || ' ' || term_no || ' ' || status || ' ' || coalesce(term_end::text, '-')
					from org_membership where organisation_id = ? order by id""")
				.param(org)
				.query(String.class)
				.list()).containsExactly(a + " 1 LEFT 2023-12-31", b + " 1 ACTIVE 2023-12-31", c + " 2 ACTIVE -");
			status.setRollbackOnly();
		});
	}
}
