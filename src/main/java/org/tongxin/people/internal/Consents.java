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

	public void append(long person, ConsentForm form, String recordedBy) {
		jdbc.sql("""
				insert into people_consent (person_id, event, scope, notice_version, channel, recorded_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(person, String.valueOf(form.event()), String.valueOf(form.scope()), form.noticeVersion(),
					form.channel(), recordedBy)
			.update();
	}
}
