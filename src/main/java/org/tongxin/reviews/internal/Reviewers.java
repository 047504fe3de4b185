package org.tongxin.reviews.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.UnitId;
import org.tongxin.reviews.Reviewer;

/** The reviewer registry: accounts (by username) with a home city and expertise. Managed by the central office. */
@Repository
public class Reviewers {

	private final JdbcClient jdbc;

	Reviewers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Reviewer> all() {
		return jdbc.sql("select * from programme_reviewer order by created_at, username").query(Reviewers::map).list();
	}

	public Optional<Reviewer> find(String username) {
		return jdbc.sql("select * from programme_reviewer where username = ?").param(username).query(Reviewers::map)
			.optional();
	}

	public void insert(String username, String name, UnitId homeCity, String homeCityName, @Nullable String expertise) {
		jdbc.sql("""
				insert into programme_reviewer (username, name, home_city, home_city_name, expertise)
				values (?, ?, ?, ?, ?)""")
			.params(username, name, homeCity.value(), homeCityName, expertise)
			.update();
	}

	private static Reviewer map(ResultSet rs, int row) throws SQLException {
		return new Reviewer(rs.getString("username"), rs.getString("name"), new UnitId(rs.getLong("home_city")),
				rs.getString("home_city_name"), rs.getString("expertise"));
	}
}
