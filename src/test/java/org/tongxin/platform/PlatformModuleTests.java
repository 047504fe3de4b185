package org.tongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;

/** The platform started alone: it stands on nothing else, and its unit tree answers. */
@ApplicationModuleTest
class PlatformModuleTests {

	@Autowired
	Units units;

	@Autowired
	ApplicationContext context;

	@Test
	void thePlatformStartsWithoutAnyModuleOnTop() {
		assertThat(units.get(new UnitId(510100)).name()).isEqualTo("成都市");
		assertThat(context.getBeanNamesForType(org.tongxin.programme.ProgrammeMap.class)).isEmpty();
		assertThat(context.getBeanNamesForType(org.tongxin.people.PeopleRegistry.class)).isEmpty();
	}
}
