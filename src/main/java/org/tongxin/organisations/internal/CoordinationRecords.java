package org.tongxin.organisations.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.organisations.Coordination.PartnerKind;
import org.tongxin.organisations.Coordination.Role;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.SqlDates;
import org.tongxin.platform.UnitId;

/** Partners, mechanisms and tasks; every read restricts the owning unit to the caller's scope in SQL. */
@Repository
public class CoordinationRecords {

	public record PartnerRow(long id, UnitId unit, String name, PartnerKind kind, @Nullable String contact) {
	}

	public record MechanismRow(long id, UnitId unit, String name, @Nullable String description, List<Role> partners) {
	}

	public record TaskRow(long id, UnitId unit, String title, @Nullable Long mechanism, @Nullable String mechanismName,
			@Nullable Long partner, @Nullable String partnerName, LocalDate dueOn, boolean done,
			@Nullable LocalDate doneOn, int version) {
	}

	private final JdbcClient jdbc;

	CoordinationRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<PartnerRow> partners(DataScope scope) {
		return scope.bind(jdbc.sql("select * from org_partner p where " + scope.restrict("p.unit_id")
				+ " order by p.unit_id, p.kind, p.name limit 1000"))
			.query((rs, n) -> new PartnerRow(rs.getLong("id"), new UnitId(rs.getLong("unit_id")), rs.getString("name"),
					PartnerKind.valueOf(rs.getString("kind")), rs.getString("contact")))
			.list();
	}

	public List<MechanismRow> mechanisms(DataScope scope) {
		Map<Long, List<Role>> roles = new LinkedHashMap<>();
		scope.bind(jdbc.sql("""
				select mp.mechanism_id, p.id, p.name, p.kind, mp.role
				from org_mechanism_partner mp join org_mechanism m on m.id = mp.mechanism_id
				-- a partner owned by a unit above may sit in this mechanism: showing its NAME is intended (unscoped join)
				join org_partner p on p.id = mp.partner_id
				where %s order by mp.mechanism_id, p.kind, p.name""".formatted(scope.restrict("m.unit_id"))))
			.query((rs, n) -> {
				roles.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Role(rs.getLong(2), rs.getString(3), PartnerKind.valueOf(rs.getString(4)), rs.getString(5)));
				return 1;
			})
			.list();
		return scope.bind(jdbc.sql("select * from org_mechanism m where " + scope.restrict("m.unit_id")
				+ " order by m.id limit 200"))
			.query((rs, n) -> new MechanismRow(rs.getLong("id"), new UnitId(rs.getLong("unit_id")), rs.getString("name"),
					rs.getString("description"), roles.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	public List<TaskRow> tasks(DataScope scope, boolean openOnly) {
		return scope.bind(jdbc.sql("""
				-- mechanism/partner of a unit above: showing their NAMES on this unit's task is intended (unscoped joins)
				select t.*, m.name as mechanism_name, p.name as partner_name
				from org_task t left join org_mechanism m on m.id = t.mechanism_id left join org_partner p on p.id = t.partner_id
				where %s and (not :openOnly or t.status = 'OPEN')
				order by t.status desc, t.due_on, t.id limit 500""".formatted(scope.restrict("t.unit_id"))))
			.param("openOnly", openOnly)
			.query((rs, n) -> {
				long mechanism = rs.getLong("mechanism_id");
				Long mechanismId = rs.wasNull() ? null : mechanism;
				long partner = rs.getLong("partner_id");
				Long partnerId = rs.wasNull() ? null : partner;
				return new TaskRow(rs.getLong("id"), new UnitId(rs.getLong("unit_id")), rs.getString("title"),
						mechanismId, rs.getString("mechanism_name"), partnerId, rs.getString("partner_name"),
						rs.getDate("due_on").toLocalDate(), "DONE".equals(rs.getString("status")),
						SqlDates.read(rs, "done_on"), rs.getInt("version"));
			})
			.list();
	}

	public boolean partnerInScope(DataScope scope, long id) {
		return exists(scope, "org_partner", id);
	}

	public boolean mechanismInScope(DataScope scope, long id) {
		return exists(scope, "org_mechanism", id);
	}

	public boolean taskInScope(DataScope scope, long id) {
		return exists(scope, "org_task", id);
	}

	private boolean exists(DataScope scope, String table, long id) {
		return scope.bind(jdbc.sql("select exists (select 1 from " + table + " x where x.id = :id and "
				+ scope.restrict("x.unit_id") + ")"))
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	public boolean partnerNameTaken(UnitId unit, String name) {
		return jdbc.sql("select exists (select 1 from org_partner where unit_id = ? and name = ?)")
			.params(unit.value(), name)
			.query(Boolean.class)
			.single();
	}

	public boolean mechanismNameTaken(UnitId unit, String name) {
		return jdbc.sql("select exists (select 1 from org_mechanism where unit_id = ? and name = ?)")
			.params(unit.value(), name)
			.query(Boolean.class)
			.single();
	}

	public long insertPartner(UnitId unit, String name, PartnerKind kind, @Nullable String contact) {
		return jdbc.sql("insert into org_partner (unit_id, name, kind, contact) values (?, ?, ?, ?) returning id")
			.params(unit.value(), name, kind.name(), contact == null || contact.isBlank() ? null : contact.strip())
			.query(Long.class)
			.single();
	}

	public long insertMechanism(UnitId unit, String name, @Nullable String description, Map<Long, String> roles) {
		long id = jdbc.sql("insert into org_mechanism (unit_id, name, description) values (?, ?, ?) returning id")
			.params(unit.value(), name, description == null || description.isBlank() ? null : description.strip())
			.query(Long.class)
			.single();
		roles.forEach((partner, role) -> jdbc
			.sql("insert into org_mechanism_partner (mechanism_id, partner_id, role) values (?, ?, ?)")
			.params(id, partner, role)
			.update());
		return id;
	}

	public long insertTask(UnitId unit, String title, @Nullable Long mechanism, @Nullable Long partner, LocalDate dueOn) {
		return jdbc.sql("insert into org_task (unit_id, title, mechanism_id, partner_id, due_on) values (?, ?, ?, ?, ?) returning id")
			.params(unit.value(), title, mechanism, partner, Date.valueOf(dueOn))
			.query(Long.class)
			.single();
	}

	public boolean completeTask(long id, int version, @Nullable LocalDate doneOn) {
		return jdbc.sql("""
				update org_task set status = ?, done_on = ?, version = version + 1 where id = ? and version = ?""")
			.params(doneOn == null ? "OPEN" : "DONE", SqlDates.of(doneOn), id, version)
			.update() == 1;
	}
}
