package org.tongxin.demo;

import java.util.List;

import org.springframework.stereotype.Component;
import org.tongxin.people.seeding.DemoCities;
import org.tongxin.programme.ProgrammeMap;

/** The demo registry lives in the programme's 49 cities of practice-innovation bases. */
@Component
class ProgrammeCitiesForPeople implements DemoCities {

	private final ProgrammeMap programme;

	ProgrammeCitiesForPeople(ProgrammeMap programme) {
		this.programme = programme;
	}

	@Override
	public List<City> cities() {
		return programme.programmeCities()
			.stream()
			.map(city -> new City(city.unit(), city.code(), city.name()))
			.toList();
	}
}
