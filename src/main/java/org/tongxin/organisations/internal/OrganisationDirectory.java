package org.tongxin.organisations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.organisations.OrganisationSummary;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.UnitId;

/** Reads of organisations as summaries, always inside a data scope. */
@Repository
public class OrganisationDirectory {

	private static final String SELECT = "select o.id, o.name, o.kind, o.unit_id, o.parent_id from org_organisation o";

	private final JdbcClient jdbc;

	OrganisationDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<OrganisationSummary> find(DataScope scope, OrganisationId id) {
		return scope.bind(jdbc.sql(SELECT + " where o.id = :id and " + scope.restrict("o.unit_id")))
			.param("id", id.value())
			.query(OrganisationDirectory::map)
			.optional();
	}

	/** Organisations not dissolved, within the scope, by name; for pickers. */
	public List<OrganisationSummary> active(DataScope scope) {
		return scope
			.bind(jdbc.sql(SELECT + " where o.dissolved_on is null and " + scope.restrict("o.unit_id") + " order by o.name"))
			.query(OrganisationDirectory::map)
			.list();
	}

	/** System use (demo data, imports that name an organisation): no scope, exact unit and name. */
	public Optional<OrganisationSummary> named(UnitId unit, String name) {
		return jdbc.sql(SELECT + " where o.unit_id = :unit and o.name = :name")
			.param("unit", unit.value())
			.param("name", name)
			.query(OrganisationDirectory::map)
			.optional();
	}

	/** Active and its term not ended: an office-holder whose term ended at 换届 is no longer a member. */
	public boolean isActiveMember(OrganisationId organisation, long personId) {
		return jdbc
			.sql("""
					select exists (select 1 from org_membership m
					               where m.organisation_id = :organisation and m.person_id = :person
					                 and m.status = 'ACTIVE' and (m.term_end is null or m.term_end >= current_date))""")
			.param("organisation", organisation.value())
			.param("person", personId)
			.query(Boolean.class)
			.single();
	}

	static OrganisationSummary map(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		OrganisationId parentId = rs.wasNull() ? null : new OrganisationId(parent);
		return new OrganisationSummary(new OrganisationId(rs.getLong("id")), rs.getString("name"), rs.getString("kind"),
				new UnitId(rs.getLong("unit_id")), parentId);
	}
}
