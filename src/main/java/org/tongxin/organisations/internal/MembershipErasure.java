package org.tongxin.organisations.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongxin.people.PersonAnonymised;
import org.tongxin.platform.AuditLog;

/**
 * A person anonymised in the registry leaves every organisation: their open memberships (applied, active,
 * suspended) end today, so that no organisation lists a member, or a position holder, without a name. The
 * rows stay, for the figures of past terms.
 * <p>
 * A synchronous listener, in the anonymisation's transaction, like {@link MembershipMerges}; not scoped, for
 * the same reason: the registry has checked the person is the caller's, and their memberships anywhere are
 * theirs.
 */
@Component
class MembershipErasure {

	private static final String AUDIT_TYPE = "organisation-membership";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	MembershipErasure(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	private record Ended(long id, String status) {
	}

	@EventListener
	void on(PersonAnonymised event) {
		LocalDate today = LocalDate.now(clock);
		List<Ended> ended = jdbc.sql("""
				update org_membership m
				   set status = 'LEFT',
				       term_end = greatest(coalesce(least(m.term_end, :today), :today), coalesce(m.term_start, :today)),
				       updated_at = now(), version = m.version + 1
				  from org_membership before
				 where before.id = m.id and m.person_id = :person and m.status in ('APPLIED', 'ACTIVE', 'SUSPENDED')
				returning m.id, before.status""")
			.param("person", event.person().value())
			.param("today", today)
			.query((rs, n) -> new Ended(rs.getLong(1), rs.getString(2)))
			.list();
		for (Ended membership : ended) {
			audit.updated(AUDIT_TYPE, membership.id(), Map.of("status", membership.status()),
					Map.of("status", "LEFT", "reason", "personAnonymised"));
		}
	}
}
