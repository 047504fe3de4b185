package org.tongxin.people.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.people.PersonId;
import org.tongxin.people.Transfer;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.SqlDates;

/**
 * Transfers. The person's own row is read here only through a transfer whose sending or receiving unit
 * lies in the caller's scope, and only the few columns a decision needs.
 */
@Repository
public class Transfers {

	private static final String SELECT = """
			select t.*, p.name, p.sex, p.birth_date, p.group_code
			from people_transfer t join people_person p on p.id = t.person_id
			""";

	private final JdbcClient jdbc;

	Transfers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long request(long person, long fromUnit, long toUnit, String reason, String by) {
		return jdbc.sql("""
				insert into people_transfer (person_id, from_unit, to_unit, reason, requested_by)
				values (?, ?, ?, ?, ?) returning id""")
			.params(person, fromUnit, toUnit, reason, by)
			.query(Long.class)
			.single();
	}

	/** Transfers addressed to units of the scope. */
	public List<Row> incoming(DataScope scope, @Nullable Long before, int size) {
		return page(scope, "t.to_unit", before, size);
	}

	/** Transfers sent from units of the scope. */
	public List<Row> outgoing(DataScope scope, @Nullable Long before, int size) {
		return page(scope, "t.from_unit", before, size);
	}

	/** A transfer the scope may act on as receiver ({@code t.to_unit}) or sender ({@code t.from_unit}). */
	public Optional<Row> find(DataScope scope, String side, long id) {
		return scope.bind(jdbc.sql(SELECT + " where t.id = :id and " + scope.containsUnit(side)))
			.param("id", id)
			.query(Transfers::map)
			.optional();
	}

	public Optional<Row> pendingFor(long person) {
		return jdbc.sql(SELECT + " where t.person_id = ? and t.status = 'PENDING'").param(person)
			.query(Transfers::map)
			.optional();
	}

	public boolean decide(long id, Transfer.Status status, String by, @Nullable String comment) {
		return jdbc.sql("""
				update people_transfer set status = ?, decided_by = ?, decided_at = now(), comment = ?
				where id = ? and status = 'PENDING'""")
			.params(status.name(), by, comment, id)
			.update() == 1;
	}

	private List<Row> page(DataScope scope, String side, @Nullable Long before, int size) {
		return scope.bind(jdbc.sql(SELECT + " where " + scope.containsUnit(side)
				+ " and (cast(:before as bigint) is null or t.id < :before) order by t.id desc limit :size"))
			.param("before", before)
			.param("size", size)
			.query(Transfers::map)
			.list();
	}

	/** A transfer as stored, with the person's name still in clear: the facade masks it. */
	public record Row(long id, PersonId person, long fromUnit, long toUnit, @Nullable String name,
			@Nullable String sex, java.time.@Nullable LocalDate birthDate, String group, String reason, Transfer.Status status,
			String requestedBy, Timestamp requestedAt, @Nullable String decidedBy, @Nullable Timestamp decidedAt,
			@Nullable String comment) {
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), new PersonId(rs.getLong("person_id")), rs.getLong("from_unit"),
				rs.getLong("to_unit"), rs.getString("name"), rs.getString("sex"), SqlDates.read(rs, "birth_date"),
				rs.getString("group_code"), rs.getString("reason"), Transfer.Status.valueOf(rs.getString("status")),
				rs.getString("requested_by"), rs.getTimestamp("requested_at"), rs.getString("decided_by"),
				rs.getTimestamp("decided_at"), rs.getString("comment"));
	}
}
