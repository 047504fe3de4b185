package org.tongxin.organisations.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.DataScope;

/**
 * The figures of the organisations dashboard, counted in SQL within the caller's scope. A row is a city
 * ({@code byCity}) or the owning unit itself (a city or district), as of a date: organisations founded by then
 * and not dissolved, memberships active then.
 */
@Repository
public class FigureQueries {

	/** Organisations of one kind in one row unit. */
	public record KindCount(long unit, String kind, long organisations, long withPartyOrg, long partyMembers,
			long members) {
	}

	/** An active member of an organisation of the row unit. */
	public record RowMember(long unit, long person) {
	}

	private final JdbcClient jdbc;

	FigureQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static String rowUnit(boolean byCity) {
		return byCity ? "case when u.level = 'DISTRICT' then u.parent_id else u.id end" : "u.id";
	}

	private static final String LIVE = """
			(o.founded_on is null or o.founded_on <= :asOf) and (o.dissolved_on is null or o.dissolved_on > :asOf)""";

	private static final String ACTIVE = """
			m.status = 'ACTIVE' and (m.term_start is null or m.term_start <= :asOf)
			and (m.term_end is null or m.term_end >= :asOf)""";

	public List<KindCount> byKind(DataScope scope, boolean byCity, LocalDate asOf) {
		return scope.bind(jdbc.sql("""
				select %s as row_unit, o.kind, count(*) as organisations,
				       count(*) filter (where o.party_org_form <> 'NONE') as with_party,
				       coalesce(sum(o.party_members), 0) as party_members,
				       coalesce(sum((select count(distinct m.person_id) from org_membership m
				                     where m.organisation_id = o.id and %s)), 0) as members
				from org_organisation o join platform_unit u on u.id = o.unit_id
				where %s and %s
				group by 1, 2 order by 1, 2""".formatted(rowUnit(byCity), ACTIVE, scope.restrict("o.unit_id"), LIVE)))
			.param("asOf", Date.valueOf(asOf))
			.query((rs, n) -> new KindCount(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6)))
			.list();
	}

	public List<RowMember> members(DataScope scope, boolean byCity, LocalDate asOf) {
		return scope.bind(jdbc.sql("""
				select distinct %s as row_unit, m.person_id
				from org_membership m join org_organisation o on o.id = m.organisation_id
				join platform_unit u on u.id = o.unit_id
				where %s and %s and %s""".formatted(rowUnit(byCity), scope.restrict("o.unit_id"), LIVE, ACTIVE)))
			.param("asOf", Date.valueOf(asOf))
			.query((rs, n) -> new RowMember(rs.getLong(1), rs.getLong(2)))
			.list();
	}
}
