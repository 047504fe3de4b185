package org.tongxin.organisations.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.organisations.JoinedVia;
import org.tongxin.organisations.MemberFilter;
import org.tongxin.organisations.MemberRole;
import org.tongxin.organisations.Membership;
import org.tongxin.organisations.MembershipId;
import org.tongxin.organisations.MembershipStatus;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.people.PersonId;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.SqlDates;

/**
 * Memberships. A membership is visible exactly when its organisation's owning unit lies in the caller's
 * scope; every read joins the organisation and restricts its unit in SQL.
 */
@Repository
public class MembershipRecords {

	private static final String SELECT = "select m.* from org_membership m join org_organisation o on o.id = m.organisation_id";

	private static final String WHERE = """
			 and (cast(:role as text) is null or m.role = :role)
			 and (cast(:status as text) is null or m.status = :status)
			 and (cast(:term as int) is null or m.term_no = :term)
			 and (not :openOnly or (m.status = 'ACTIVE' and (m.term_end is null or m.term_end >= current_date)))
			 and (cast(:persons as bigint[]) is null or m.person_id = any(cast(:persons as bigint[])))""";

	private final JdbcClient jdbc;

	MembershipRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page of an organisation's members; positions first, then by id. Keyset on (rank of role, id). */
	public List<Membership> page(DataScope scope, OrganisationId organisation, MemberFilter filter,
			@Nullable List<Long> persons, @Nullable Long after, int size) {
		return filtered(scope, organisation, filter, persons, SELECT,
				" and (cast(:after as bigint) is null or m.id > :after) order by m.id limit :size")
			.param("after", after)
			.param("size", size)
			.query(MembershipRecords::map)
			.list();
	}

	public long count(DataScope scope, OrganisationId organisation, MemberFilter filter, @Nullable List<Long> persons) {
		return filtered(scope, organisation, filter, persons,
				"select count(*) from org_membership m join org_organisation o on o.id = m.organisation_id", "")
			.query(Long.class)
			.single();
	}

	public Stream<Membership> stream(DataScope scope, OrganisationId organisation, MemberFilter filter,
			@Nullable List<Long> persons) {
		return filtered(scope, organisation, filter, persons, SELECT, " order by m.id").query(MembershipRecords::map).stream();
	}

	public Optional<Membership> find(DataScope scope, MembershipId id) {
		return scope.bind(jdbc.sql(SELECT + " where m.id = :id and " + scope.restrict("o.unit_id")))
			.param("id", id.value())
			.query(MembershipRecords::map)
			.optional();
	}

	/** A person's memberships in organisations of the scope, current ones first. */
	public List<Membership> ofPerson(DataScope scope, PersonId person) {
		return scope.bind(jdbc.sql(SELECT + " where m.person_id = :person and " + scope.restrict("o.unit_id")
				+ " order by (m.status = 'ACTIVE' and (m.term_end is null or m.term_end >= current_date)) desc, m.term_start desc nulls last, m.id desc"))
			.param("person", person.value())
			.query(MembershipRecords::map)
			.list();
	}

	/**
	 * Positions (roles other than MEMBER) of an organisation that are active today: their term has no end or
	 * a planned end that has not passed. The 换届 form lists them as what it closes.
	 */
	public List<Membership> openPositions(OrganisationId organisation) {
		return jdbc.sql("""
				select m.* from org_membership m
				where m.organisation_id = :organisation and m.role <> 'MEMBER' and m.status = 'ACTIVE'
				  and (m.term_end is null or m.term_end >= current_date)
				order by m.id""")
			.param("organisation", organisation.value())
			.query(MembershipRecords::map)
			.list();
	}

	/**
	 * Positions that still run on the day after {@code end}, whatever their status but LEFT and whether or not
	 * their term has a planned end: what 换届 on {@code end + 1} must close.
	 */
	public List<Membership> positionsRunningAfter(OrganisationId organisation, LocalDate end) {
		return jdbc.sql("""
				select m.* from org_membership m
				where m.organisation_id = :organisation and m.role <> 'MEMBER' and m.status <> 'LEFT'
				  and (m.term_end is null or m.term_end > :end)
				order by m.id""")
			.param("organisation", organisation.value())
			.param("end", Date.valueOf(end))
			.query(MembershipRecords::map)
			.list();
	}

	public boolean holdsOpen(OrganisationId organisation, PersonId person, MemberRole role) {
		return jdbc.sql("""
				select exists (select 1 from org_membership m where m.organisation_id = :o and m.person_id = :p
				               and m.role = :role and m.status in ('APPLIED', 'ACTIVE') and m.term_end is null)""")
			.param("o", organisation.value())
			.param("p", person.value())
			.param("role", role.name())
			.query(Boolean.class)
			.single();
	}

	public MembershipId insert(OrganisationId organisation, PersonId person, MemberRole role, int termNo,
			@Nullable LocalDate start, @Nullable LocalDate end, MembershipStatus status, JoinedVia via) {
		return new MembershipId(jdbc.sql("""
				insert into org_membership (organisation_id, person_id, role, term_no, term_start, term_end, status, joined_via)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(organisation.value(), person.value(), role.name(), termNo, SqlDates.of(start), SqlDates.of(end),
					status.name(), via.name())
			.query(Long.class)
			.single());
	}

	public boolean changeStatus(MembershipId id, int version, MembershipStatus status, @Nullable LocalDate end) {
		return jdbc.sql("""
				update org_membership set status = ?, term_end = coalesce(?, term_end), updated_at = now(),
				       version = version + 1
				where id = ? and version = ?""")
			.params(status.name(), SqlDates.of(end), id.value(), version)
			.update() == 1;
	}

	/**
	 * Ends on {@code end} every position of an organisation that would still run after it: the old term of 换届.
	 * A planned later end is brought forward too, or the old office-holder would stay in office beside the new one.
	 */
	public int closePositions(OrganisationId organisation, LocalDate end) {
		return jdbc.sql("""
				update org_membership set term_end = :end, updated_at = now(), version = version + 1
				where organisation_id = :organisation and role <> 'MEMBER' and status <> 'LEFT'
				  and (term_end is null or term_end > :end)""")
			.param("end", Date.valueOf(end))
			.param("organisation", organisation.value())
			.update();
	}

	/** {@code persons}: the registry's matches for the filter's person text, already resolved in scope; null for no such filter. */
	private JdbcClient.StatementSpec filtered(DataScope scope, OrganisationId organisation, MemberFilter filter,
			@Nullable List<Long> persons, String select, String tail) {
		return scope.bind(jdbc.sql(select + " where m.organisation_id = :organisation and " + scope.restrict("o.unit_id")
				+ WHERE + tail))
			.param("organisation", organisation.value())
			.param("role", filter.role() == null ? null : filter.role().name())
			.param("status", filter.status() == null ? null : filter.status().name())
			.param("term", filter.term())
			.param("openOnly", filter.openOnly())
			// An array literal of numbers: a bound Long[] would be expanded into a list of parameters.
			.param("persons", persons == null ? null
					: "{" + String.join(",", persons.stream().map(String::valueOf).toList()) + "}");
	}

	static Membership map(ResultSet rs, int row) throws SQLException {
		return new Membership(new MembershipId(rs.getLong("id")), new OrganisationId(rs.getLong("organisation_id")),
				new PersonId(rs.getLong("person_id")), MemberRole.valueOf(rs.getString("role")), rs.getInt("term_no"),
				SqlDates.read(rs, "term_start"), SqlDates.read(rs, "term_end"),
				MembershipStatus.valueOf(rs.getString("status")), JoinedVia.valueOf(rs.getString("joined_via")),
				rs.getInt("version"));
	}
}
