package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tongxin.people.internal.NewPerson;
import org.tongxin.people.internal.SyntheticPeople;

class SyntheticPeopleTests {

	static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

	static final List<SyntheticPeople.Place> PLACES = List.of(
			new SyntheticPeople.Place(510100, "510100", "510100", "成都市", "成都", 1),
			new SyntheticPeople.Place(510104, "510100", "510104", "成都市锦江区", "成都", 3),
			new SyntheticPeople.Place(440305, "440300", "440305", "深圳市南山区", "深圳", 4));

	@Test
	void theSameSeedGivesTheSamePeople() {
		assertThat(new SyntheticPeople(7, AS_OF).stream(PLACES, 500).toList())
			.isEqualTo(new SyntheticPeople(7, AS_OF).stream(PLACES, 500).toList())
			.isNotEqualTo(new SyntheticPeople(8, AS_OF).stream(PLACES, 500).toList());
	}

	@Test
	void everyPersonIsPlausible() {
		List<NewPerson> people = new SyntheticPeople(1, AS_OF).stream(PLACES, 20_000).toList();
		for (NewPerson p : people) {
			IdNumber id = IdNumber.parse(p.idNumber()).orElseThrow();
			assertThat(id.birthDate()).isEqualTo(p.birthDate());
			assertThat(id.sex().name()).isEqualTo(p.sex());
			assertThat(id.areaCode()).isEqualTo(String.valueOf(p.unitId()));
			assertThat(Period.between(p.birthDate(), AS_OF).getYears()).isBetween(22, 65);
			assertThat(p.phone()).matches("1[3-9]\\d{9}");
			assertThat(p.name().length()).isBetween(2, 4);
		}
		Map<String, Long> groups = people.stream().collect(Collectors.groupingBy(NewPerson::group, Collectors.counting()));
		// 48 : 14 : 11 : 10 of 83.
		assertThat(groups.get("ENTERPRISE") / 20_000.0).isBetween(0.55, 0.61);
		assertThat(groups.get("INTERMEDIARY") / 20_000.0).isBetween(0.14, 0.20);
		assertThat(groups.get("FREELANCE") / 20_000.0).isBetween(0.11, 0.16);
		assertThat(groups.get("NEW_MEDIA") / 20_000.0).isBetween(0.10, 0.15);
		Map<Long, Long> byUnit = people.stream().collect(Collectors.groupingBy(NewPerson::unitId, Collectors.counting()));
		assertThat(byUnit.get(440305L)).isGreaterThan(byUnit.get(510100L) * 3);
		Map<String, Long> surnames = people.stream()
			.collect(Collectors.groupingBy(p -> p.name().substring(0, 1), Collectors.counting()));
		assertThat(surnames.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey))
			.hasValueSatisfying(top -> assertThat(List.of("王", "李", "张")).contains(top));
		assertThat(people.stream().map(NewPerson::name).collect(Collectors.toMap(Function.identity(), n -> 1, Integer::sum)))
			.hasSizeGreaterThan(5_000);
	}
}
