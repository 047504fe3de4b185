package org.tongxin.people.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.people.ConsentEvent;
import org.tongxin.people.ConsentForm;
import org.tongxin.people.ConsentRecord;
import org.tongxin.people.ConsentScope;
import org.tongxin.platform.DataScope;

/** The consent ledger: append-only, read through the person's data scope. */
@Repository
public class Consents {

	private final JdbcClient jdbc;

	Consents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ConsentRecord> of(DataScope scope, long person) {
		return scope.bind(jdbc.sql("""
				select c.* from people_consent c join people_person p on p.id = c.person_id
				where c.person_id = :person and %s order by c.at desc, c.id desc""".formatted(scope.restrict("p.unit_id"))))
			.param("person", person)
			.query((rs, n) -> new ConsentRecord(ConsentEvent.valueOf(rs.getString("event")),
					ConsentScope.valueOf(rs.getString("scope")), rs.getString("notice_version"), rs.getString("channel"),
					rs.getTimestamp("at").toInstant(), rs.getString("recorded_by")))
			.list();
	}

	/** Whether the latest event of {@code scope} in the person's ledger is a withdrawal. */
	public boolean withdrawn(long person, ConsentScope scope) {
		return jdbc.sql("""
				select event from people_consent where person_id = ? and scope = ?
				order by at desc, id desc limit 1""")
			.params(person, scope.name())
			.query(String.class)
			.optional()
			.map("WITHDRAWN"::equals)
			.orElse(false);
	}

	/**
	 * Of the persons in the scope, those whose latest SENSITIVE event is a withdrawal: an export in clear masks
	 * their ID number and religion. Few in any scope, so read once per export.
	 */
	public java.util.Set<Long> sensitiveWithdrawn(DataScope scope) {
		return new java.util.HashSet<>(scope.bind(jdbc.sql("""
				select l.person_id from (
				    select distinct on (c.person_id) c.person_id, c.event from people_consent c
				    where c.scope = 'SENSITIVE' order by c.person_id, c.at desc, c.id desc) l
				join people_person p on p.id = l.person_id
				where l.event = 'WITHDRAWN' and %s""".formatted(scope.restrict("p.unit_id"))))
			.query(Long.class)
			.list());
	}

	public void append(long person, ConsentForm form, String recordedBy) {
		jdbc.sql("""
				insert into people_consent (person_id, event, scope, notice_version, channel, recorded_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(person, String.valueOf(form.event()), String.valueOf(form.scope()), form.noticeVersion(),
					form.channel(), recordedBy)
			.update();
	}
}
