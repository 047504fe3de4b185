package org.tongxin.organisations.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.organisations.OrganisationKind;

/** The kinds of organisation: a code list shared by all units, so not scoped. */
@Repository
public class Kinds {

	private final JdbcClient jdbc;

	Kinds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<OrganisationKind> all() {
		return jdbc.sql("select * from org_kind order by sort, code")
			.query((rs, n) -> new OrganisationKind(rs.getString("code"), rs.getString("label_zh"),
					rs.getString("label_en"), rs.getBoolean("external"), rs.getBoolean("builtin"),
					rs.getBoolean("active"), rs.getInt("sort")))
			.list();
	}

	public boolean exists(String code) {
		return jdbc.sql("select exists (select 1 from org_kind where code = ?)").param(code).query(Boolean.class).single();
	}

	public boolean activeKind(String code) {
		return jdbc.sql("select exists (select 1 from org_kind where code = ? and active)").param(code)
			.query(Boolean.class)
			.single();
	}

	public void insert(String code, String labelZh, String labelEn, boolean external, int sort) {
		jdbc.sql("insert into org_kind (code, label_zh, label_en, external, builtin, sort) values (?, ?, ?, ?, false, ?)")
			.params(code, labelZh, labelEn, external, sort)
			.update();
	}

	public void activate(String code, boolean active) {
		jdbc.sql("update org_kind set active = ? where code = ?").params(active, code).update();
	}
}
