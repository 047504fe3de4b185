package org.tongxin.activities.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.activities.Figures;
import org.tongxin.activities.SeriesId;
import org.tongxin.platform.DataScope;

/** Figures over the events of a scope that start within a period, in one SQL pass per breakdown. */
@Repository
public class Tallies {

	/** The breakdowns: each is the label expression and the group-by of one query. */
	public enum By {
		TOTAL("''", "1"),
		UNIT("u.name", "u.id, u.name"),
		// A series name is unique per unit only: 成都 and 上海 both have a “同心家园”.
		SERIES("coalesce(s.name || '（' || su.name || '）', '')", "s.id, s.name, su.name"),
		// The month in the application's zone (bound as :zone from the clock), whatever the session's zone is.
		MONTH("to_char(e.starts_at at time zone :zone, 'YYYY-MM')", "1"),
		KIND("e.kind", "e.kind");

		final String label;

		final String group;

		By(String label, String group) {
			this.label = label;
			this.group = group;
		}
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	Tallies(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	public List<Figures> figures(DataScope scope, @Nullable Instant from, @Nullable Instant to, By by,
			@Nullable SeriesId series) {
		String sql = """
				select %s as label,
				       count(distinct e.id) as events,
				       count(r.id) filter (where r.status = 'REGISTERED') as registrations,
				       count(r.id) filter (where r.status = 'REGISTERED' and e.starts_at <= now()) as registrations_held,
				       count(r.id) filter (where r.status = 'REGISTERED' and r.checked_in_at is not null) as checked_in,
				       coalesce(sum(r.volunteer_hours) filter (where r.status = 'REGISTERED'), 0) as hours,
				       round(avg(f.satisfaction), 2) as satisfaction,
				       round(avg(f.gain), 2) as gain,
				       count(f.registration_id) as feedbacks
				  from act_event e
				  join platform_unit u on u.id = e.unit_id
				  -- Unscoped on purpose: a series of a unit above (a city's brand) names the events of its districts.
				  left join act_series s on s.id = e.series_id
				  left join platform_unit su on su.id = s.unit_id
				  left join act_registration r on r.event_id = e.id
				  left join act_feedback f on f.registration_id = r.id and r.status = 'REGISTERED'
				 where %s
				   and (cast(:from as timestamptz) is null or e.starts_at >= :from)
				   and (cast(:to as timestamptz) is null or e.starts_at < :to)
				   and (cast(:series as bigint) is null or e.series_id = :series)
				 group by %s
				 order by 1""".formatted(by.label, scope.restrict("e.unit_id"), by.group);
		return scope.bind(jdbc.sql(sql))
			.param("zone", clock.getZone().getId())
			.param("from", from == null ? null : Timestamp.from(from))
			.param("to", to == null ? null : Timestamp.from(to))
			.param("series", series == null ? null : series.value())
			.query(Tallies::map)
			.list();
	}

	private static Figures map(ResultSet rs, int row) throws SQLException {
		BigDecimal hours = rs.getBigDecimal("hours");
		return new Figures(rs.getString("label"), rs.getLong("events"), rs.getLong("registrations"),
				rs.getLong("registrations_held"), rs.getLong("checked_in"), hours == null ? BigDecimal.ZERO : hours, rs.getBigDecimal("satisfaction"),
				rs.getBigDecimal("gain"), rs.getLong("feedbacks"));
	}
}
