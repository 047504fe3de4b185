package org.tongxin.activities;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.activities.internal.Tallies;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.UnitLevel;
import org.tongxin.platform.Units;

/**
 * Figures per unit and period: events, confirmed registrations, attendance rate, volunteer hours and the
 * average 满意度 / 获得感, in total and broken down by owning unit, brand series, month and kind. A unit
 * narrows the caller's scope to that unit and below; one outside the scope is refused.
 */
@Service
@Transactional(readOnly = true)
public class ActivityFigures {

	public record Report(Unit unit, @Nullable LocalDate from, @Nullable LocalDate to, Figures total,
			List<Figures> byUnit, List<Figures> bySeries, List<Figures> byMonth, List<Figures> byKind) {
	}

	private final Tallies tallies;

	private final Units units;

	private final CurrentUser currentUser;

	private final Clock clock;

	ActivityFigures(Tallies tallies, Units units, CurrentUser currentUser, Clock clock) {
		this.clock = clock;
		this.tallies = tallies;
		this.units = units;
		this.currentUser = currentUser;
	}

	/** {@code to} is inclusive: a period is given as its first and last day. */
	public Report report(@Nullable UnitId unit, @Nullable LocalDate from, @Nullable LocalDate to) {
		DataScope callers = currentUser.scope();
		Unit chosen = units.find(callers, unit == null ? callers.unit() : unit)
			.orElseThrow(() -> new NotFound("unit", unit == null ? callers.unit() : unit));
		DataScope scope = new DataScope(chosen.id(), chosen.path());
		Instant start = from == null ? null : from.atStartOfDay(clock.getZone()).toInstant();
		Instant end = to == null ? null : to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
		List<Figures> total = tallies.figures(scope, start, end, Tallies.By.TOTAL, null);
		return new Report(chosen, from, to,
				total.isEmpty() ? new Figures("", 0, 0, 0, 0, BigDecimal.ZERO, null, null, 0) : total.get(0),
				tallies.figures(scope, start, end, Tallies.By.UNIT, null),
				tallies.figures(scope, start, end, Tallies.By.SERIES, null),
				tallies.figures(scope, start, end, Tallies.By.MONTH, null),
				tallies.figures(scope, start, end, Tallies.By.KIND, null));
	}

	/** The figures of one series over all its events (the series must be in scope; the caller checks). */
	public Figures ofSeries(SeriesId series) {
		List<Figures> total = tallies.figures(currentUser.scope(), null, null, Tallies.By.TOTAL, series);
		return total.isEmpty() ? new Figures("", 0, 0, 0, 0, BigDecimal.ZERO, null, null, 0) : total.get(0);
	}

	/**
	 * The units the caller may choose for the figures: from the centre or a province down to the cities, from
	 * a city down to its districts and sites — a picker, not the whole hierarchy.
	 */
	public List<Unit> units() {
		DataScope scope = currentUser.scope();
		Unit own = units.get(scope.unit());
		UnitLevel[] levels = own.municipality()
				? new UnitLevel[] { UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.SITE }
				: own.level() == UnitLevel.CENTRAL || own.level() == UnitLevel.PROVINCE
						? new UnitLevel[] { UnitLevel.CENTRAL, UnitLevel.PROVINCE, UnitLevel.CITY }
						: new UnitLevel[] { UnitLevel.CITY, UnitLevel.DISTRICT, UnitLevel.SITE };
		return units.within(scope, levels);
	}
}
