package org.tongxin.programme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The programme module started alone, on the platform only: no other module's bean is in the context, and
 * the map answers from its own tables.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class ProgrammeModuleTests {

	@Autowired
	ProgrammeMap programme;

	@Autowired
	ApplicationContext context;

	@Test
	void theMapStartsWithoutTheModulesThatBuildOnIt() {
		assertThat(programme.programmeCities()).hasSize(49);
		assertThat(context.getBeanNamesForType(org.tongxin.projects.KeyProjects.class)).isEmpty();
		assertThat(context.getBeanNamesForType(org.tongxin.people.PeopleRegistry.class)).isEmpty();
	}
}
