package org.tongxin.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tongxin.organisations.seeding.OrganisationsDemoData;
import org.tongxin.people.PersonAnonymised;
import org.tongxin.people.PersonId;
import org.tongxin.platform.SignIn;

/**
 * Organisations started on what they build on (people, programme, platform): a person anonymised in the
 * registry leaves every organisation — open memberships end, a past one is left as it was.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class OrganisationsModuleTests {

	private static final long PERSON = 987_001L;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	OrganisationsDemoData demo;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anAnonymisedPersonLeavesEveryOrganisation(Scenario scenario) {
		demo.seed();
		long organisation = jdbc.sql("select min(id) from org_organisation").query(Long.class).single();
		long active = membership(organisation, "ACTIVE", "MEMBER");
		long applied = membership(organisation, "APPLIED", "MEMBER");
		long left = membership(organisation, "LEFT", "MEMBER");
		long someoneElse = jdbc.sql("""
				insert into org_membership (organisation_id, person_id, role, status, term_start)
				values (?, ?, 'MEMBER', 'ACTIVE', date '2020-01-01') returning id""")
			.params(organisation, PERSON + 1)
			.query(Long.class)
			.single();

		// Anonymisation is someone's act: the registry publishes the event for the signed-in account.
		SignIn.onThisThread(accounts, "central");
		scenario.publish(new PersonAnonymised(new PersonId(PERSON)))
			.andWaitForStateChange(() -> status(active), "LEFT"::equals)
			.andVerify(status -> {
				assertThat(status(applied)).isEqualTo("LEFT");
				assertThat(status(left)).isEqualTo("LEFT");
				assertThat(status(someoneElse)).isEqualTo("ACTIVE");
				assertThat(jdbc.sql("select term_end is not null from org_membership where id = ?").param(active)
					.query(Boolean.class).single()).isTrue();
			});
	}

	private long membership(long organisation, String status, String role) {
		return jdbc.sql("""
				insert into org_membership (organisation_id, person_id, role, status, term_start, term_end)
				values (?, ?, ?, ?, date '2020-01-01', case when ? = 'LEFT' then date '2021-01-01' end) returning id""")
			.params(organisation, PERSON, role, status, status)
			.query(Long.class)
			.single();
	}

	private String status(long membership) {
		return jdbc.sql("select status from org_membership where id = ?").param(membership).query(String.class).single();
	}
}
