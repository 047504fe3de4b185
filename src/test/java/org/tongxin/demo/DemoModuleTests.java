package org.tongxin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The demo module with what it seeds so far: the registry's synthetic persons, every one of them in a city
 * of the programme map (or one of its districts) that the demo module named to the people module.
 */
// People is no bean the demo module injects (it implements the people module's DemoCities instead), so the
// bootstrap does not find it by itself.
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "people")
class DemoModuleTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoRegistryLivesInTheProgrammesCities() {
		assertThat(jdbc.sql("select count(*) from people_person").query(Long.class).single()).isGreaterThan(1000);
		assertThat(jdbc.sql("""
				select count(*) from people_person p join platform_unit pu on pu.id = p.unit_id
				 where not exists (select 1 from programme_city c join platform_unit cu on cu.id = c.unit_id
				                    where pu.path <@ cu.path)""").query(Long.class).single()).isZero();
	}
}
