package org.tongxin.people.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.people.HistoryEntry;
import org.tongxin.people.HistoryField;
import org.tongxin.platform.DataScope;

/** Movement history of persons, read through the person's data scope. */
@Repository
public class Histories {

	private final JdbcClient jdbc;

	Histories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<HistoryEntry> of(DataScope scope, long person) {
		return scope.bind(jdbc.sql("""
				select h.* from people_history h join people_person p on p.id = h.person_id
				where h.person_id = :person and %s order by h.changed_at desc, h.id desc""".formatted(scope.restrict("p.unit_id"))))
			.param("person", person)
			.query((rs, n) -> new HistoryEntry(HistoryField.valueOf(rs.getString("field")), rs.getString("old_value"),
					rs.getString("new_value"), rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by")))
			.list();
	}

	public void append(long person, HistoryField field, @Nullable String oldValue, @Nullable String newValue,
			String changedBy) {
		jdbc.sql("insert into people_history (person_id, field, old_value, new_value, changed_by) values (?, ?, ?, ?, ?)")
			.params(person, field.name(), oldValue, newValue, changedBy)
			.update();
	}
}
