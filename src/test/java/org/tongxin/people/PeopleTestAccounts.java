package org.tongxin.people;

import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** An account with the central office's role but Chengdu's unit: people:reveal, scoped to 成都. */
final class PeopleTestAccounts {

	private PeopleTestAccounts() {
	}

	static String chengduOffice(JdbcClient jdbc, MockMvcTester mvc) {
		String username = "chengdu_office";
		if (jdbc.sql("select count(*) from platform_account where username = ?").param(username).query(Long.class).single() == 0) {
			String hash = jdbc.sql("select password_hash from platform_account where username = 'chengdu'").query(String.class).single();
			long id = jdbc.sql("""
					insert into platform_account (username, display_name, unit_id, password_hash)
					values (?, '成都市委统战部（核查）', 510100, ?) returning id""").params(username, hash).query(Long.class).single();
			for (String role : Set.of("CENTRAL_OFFICE")) {
				jdbc.sql("insert into platform_account_role (account_id, role) values (?, ?)").params(id, role).update();
			}
		}
		return username;
	}
}
