package org.tongxin.people.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.people.PlatformAccount;
import org.tongxin.people.PlatformAccountForm;
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
			.query((rs, n) -> new PlatformAccount(rs.getLong("id"), rs.getString("platform"), rs.getString("handle"),
					rs.getObject("followers", Long.class), rs.getBoolean("verified")))
			.list();
	}

	/** The caller has found the person in its scope. */
	public long add(long person, PlatformAccountForm form) {
		return jdbc.sql("""
				insert into people_platform_account (person_id, platform, handle, followers, verified)
				values (:person, :platform, :handle, :followers, :verified) returning id""")
			.param("person", person)
			.param("platform", form.platform())
			.param("handle", form.handle().strip())
			.param("followers", form.followers())
			.param("verified", form.isVerified())
			.query(Long.class)
			.single();
	}

	/** Removes one account of that person, if the person lies in the scope; false when nothing matched. */
	public boolean remove(DataScope scope, long person, long account) {
		return scope.bind(jdbc.sql("""
				delete from people_platform_account a using people_person p
				where a.id = :account and a.person_id = :person and p.id = a.person_id and %s""".formatted(scope.restrict("p.unit_id"))))
			.param("account", account)
			.param("person", person)
			.update() == 1;
	}
}
