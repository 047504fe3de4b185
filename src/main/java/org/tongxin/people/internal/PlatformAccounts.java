package org.tongxin.people.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.people.PlatformAccount;
import org.tongxin.platform.DataScope;

/** Persons' accounts on new-media platforms, read through the person's data scope. */
@Repository
public class PlatformAccounts {

	private final JdbcClient jdbc;

	PlatformAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<PlatformAccount> of(DataScope scope, long person) {
		return scope.bind(jdbc.sql("""
				select a.* from people_platform_account a join people_person p on p.id = a.person_id
				where a.person_id = :person and %s order by a.followers desc nulls last, a.id""".formatted(scope.restrict("p.unit_id"))))
			.param("person", person)
			.query((rs, n) -> new PlatformAccount(rs.getString("platform"), rs.getString("handle"),
					rs.getObject("followers", Long.class), rs.getBoolean("verified")))
			.list();
	}
}
