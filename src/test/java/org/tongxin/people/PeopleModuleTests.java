package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tongxin.platform.SignIn;

/**
 * The registry started on the platform alone (no programme, no demo registry): it registers and anonymises
 * persons, and tells the other modules so by its events.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class PeopleModuleTests {

	@Autowired
	PeopleRegistry registry;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	ApplicationContext context;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void registeringAndAnonymisingAPersonAreAnnouncedToTheOtherModules(Scenario scenario) {
		assertThat(context.getBeanNamesForType(org.tongxin.programme.ProgrammeMap.class)).isEmpty();
		SignIn.onThisThread(accounts, "chengdu");
		PersonForm form = new PersonForm(510104L, "模块测试", Sex.F, LocalDate.of(1990, 5, 6), "01", null, null, null,
				null, null, null, null, "FREELANCE", null, null, null, null, null, null, null, LegalBasis.CONSENT);

		scenario.stimulate(() -> registry.create(form))
			.andWaitForEventOfType(PersonRegistered.class)
			.toArriveAndVerify((event, person) -> assertThat(event.person()).isEqualTo(person.id()));

		PersonId id = registry.idsMatching("模块测试", 1).getFirst();
		scenario.stimulate(() -> registry.anonymise(id))
			.andWaitForEventOfType(PersonAnonymised.class)
			.matchingMappedValue(PersonAnonymised::person, id)
			.toArrive();
	}
}
