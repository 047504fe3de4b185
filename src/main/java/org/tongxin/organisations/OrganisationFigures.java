package org.tongxin.organisations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.organisations.internal.FigureQueries;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.PersonId;
import org.tongxin.platform.Actor;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.UnitLevel;
import org.tongxin.platform.Units;

/**
 * What the level above wants to see of organisations, per unit of the viewer's scope — cities for the centre
 * and provinces, the city and its districts for a city — as of the end of a year: organisations by kind,
 * members by group, and party-organisation coverage.
 * <p>
 * Coverage: organisations with a party organisation / all organisations; party members (as recorded on each
 * organisation) / active members (counted per organisation).
 */
@Service
@Transactional(readOnly = true)
public class OrganisationFigures {

	/** One row of the tables. {@code unit} is null for the total. */
	public record Row(@Nullable UnitId unit, String name, Map<String, Long> byKind, long organisations,
			long withPartyOrg, long members, long partyMembers, Map<String, Long> byGroup, long persons) {

		/** Organisations with a party organisation / all organisations, in per cent; null when there are none. */
		public @Nullable BigDecimal orgCoverage() {
			return percent(withPartyOrg, organisations);
		}

		/** Party members / members, in per cent; null when there are no members. */
		public @Nullable BigDecimal memberCoverage() {
			return percent(partyMembers, members);
		}
	}

	public record Figures(LocalDate asOf, List<String> kinds, List<String> groups, List<Row> rows, Row total) {
	}

	private final FigureQueries queries;

	private final PeopleRegistry people;

	private final Units units;

	private final CurrentUser currentUser;

	private final Clock clock;

	OrganisationFigures(FigureQueries queries, PeopleRegistry people, Units units, CurrentUser currentUser, Clock clock) {
		this.clock = clock;
		this.queries = queries;
		this.people = people;
		this.units = units;
		this.currentUser = currentUser;
	}

	/** As of the end of {@code year}, or today for the current year. */
	public Figures of(int year) {
		LocalDate end = LocalDate.of(year, 12, 31);
		LocalDate asOf = end.isAfter(LocalDate.now(clock)) ? LocalDate.now(clock) : end;
		Actor actor = currentUser.actor();
		Unit viewer = units.get(actor.unit());
		boolean byCity = !(viewer.city() || viewer.level() == UnitLevel.DISTRICT || viewer.level() == UnitLevel.SITE);
		return compute(actor.scope(), byCity, asOf);
	}

	Figures compute(DataScope scope, boolean byCity, LocalDate asOf) {
		Map<Long, Map<String, Long>> kinds = new TreeMap<>();
		Map<Long, long[]> totals = new TreeMap<>();
		List<String> kindCodes = new ArrayList<>();
		for (FigureQueries.KindCount k : queries.byKind(scope, byCity, asOf)) {
			kinds.computeIfAbsent(k.unit(), u -> new LinkedHashMap<>()).put(k.kind(), k.organisations());
			long[] t = totals.computeIfAbsent(k.unit(), u -> new long[4]);
			t[0] += k.organisations();
			t[1] += k.withPartyOrg();
			t[2] += k.members();
			t[3] += k.partyMembers();
			if (!kindCodes.contains(k.kind())) {
				kindCodes.add(k.kind());
			}
		}
		List<FigureQueries.RowMember> members = queries.members(scope, byCity, asOf);
		// Only each person's group is needed: plain codes from the registry, no names, nothing decrypted.
		Map<PersonId, String> persons = people
			.groups(members.stream().map(m -> new PersonId(m.person())).distinct().toList());
		Map<Long, Map<String, Long>> groups = new TreeMap<>();
		Map<Long, Long> distinct = new TreeMap<>();
		for (FigureQueries.RowMember m : members) {
			String group = persons.getOrDefault(new PersonId(m.person()), "UNKNOWN");
			groups.computeIfAbsent(m.unit(), u -> new LinkedHashMap<>()).merge(group, 1L, Long::sum);
			distinct.merge(m.unit(), 1L, Long::sum);
		}
		List<Row> rows = new ArrayList<>();
		Map<String, Long> allKinds = new LinkedHashMap<>();
		Map<String, Long> allGroups = new LinkedHashMap<>();
		long[] sum = new long[5];
		for (Map.Entry<Long, long[]> e : totals.entrySet()) {
			long unit = e.getKey();
			long[] t = e.getValue();
			Map<String, Long> g = groups.getOrDefault(unit, Map.of());
			long p = distinct.getOrDefault(unit, 0L);
			rows.add(new Row(new UnitId(unit), units.place(new UnitId(unit)), kinds.get(unit), t[0], t[1], t[2], t[3], g, p));
			kinds.get(unit).forEach((k, v) -> allKinds.merge(k, v, Long::sum));
			g.forEach((k, v) -> allGroups.merge(k, v, Long::sum));
			for (int i = 0; i < 4; i++) {
				sum[i] += t[i];
			}
			sum[4] += p;
		}
		Row total = new Row(null, "", allKinds, sum[0], sum[1], sum[2], sum[3], allGroups, sum[4]);
		List<String> groupCodes = new ArrayList<>(TargetGroup.CODES);
		if (allGroups.containsKey("UNKNOWN")) {
			groupCodes.add("UNKNOWN");
		}
		return new Figures(asOf, kindCodes, groupCodes, rows, total);
	}

	static @Nullable BigDecimal percent(long part, long whole) {
		if (whole == 0) {
			return null;
		}
		return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}
}
