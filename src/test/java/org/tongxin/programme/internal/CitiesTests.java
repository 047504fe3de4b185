package org.tongxin.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.platform.PlatformTest;
import org.tongxin.programme.ProgrammeCity;

/**
 * A city outside the programme has no tier and no tier year. The year used to be read with getInt and then
 * wasNull() after other columns had been read, so such a city came back with year 0.
 */
@PlatformTest
class CitiesTests {

	@Autowired
	Cities cities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCityWithoutATierHasNoTierYear() {
		List<ProgrammeCity> outside = cities.all().stream().filter(c -> c.tier() == null).toList();
		assertThat(outside).isNotEmpty();
		assertThat(outside).allSatisfy(c -> assertThat(c.year()).isNull());
	}

	@Test
	void aProgrammeCityKeepsItsTierYear() {
		List<ProgrammeCity> inside = cities.inProgramme(null, null, null, null);
		assertThat(inside).isNotEmpty();
		for (ProgrammeCity city : inside) {
			Integer stored = jdbc.sql("select tier_year from programme_city where unit_id = ?")
				.param(city.unit().value())
				.query(Integer.class)
				.single();
			assertThat(city.year()).isEqualTo(stored).isNotNull();
		}
	}
}
