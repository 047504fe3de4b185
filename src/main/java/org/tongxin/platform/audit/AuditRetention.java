package org.tongxin.platform.audit;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.UnitId;

/**
 * Removes audit entries past the retention period, once a day ({@code tongxin.audit.retention-cron},
 * default 03:30). 等保2.0 requires at least six months, so {@code tongxin.audit.retention-days} below 180 is
 * raised to 180; the database trigger refuses younger deletes in any case.
 * <p>
 * Only the oldest part of the chain is removed, and the hash of the last removed entry is kept as the
 * anchor, so the entries that remain still verify from their first one on.
 */
@Component
class AuditRetention {

	static final int MINIMUM_DAYS = 180;

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	private record LastRemoved(long id, String hash) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final int days;

	AuditRetention(JdbcClient jdbc, AuditLog audit, @Value("${tongxin.audit.retention-days:180}") int configuredDays) {
		this.jdbc = jdbc;
		this.audit = audit;
		if (configuredDays < MINIMUM_DAYS) {
			log.warn("tongxin.audit.retention-days={} is below the legal minimum; audit entries are kept {} days",
					configuredDays, MINIMUM_DAYS);
		}
		this.days = Math.max(MINIMUM_DAYS, configuredDays);
	}

	int days() {
		return days;
	}

	/** @return the number of entries removed */
	@Scheduled(cron = "${tongxin.audit.retention-cron:0 30 3 * * *}")
	@SchedulerLock(name = "audit-retention", lockAtLeastFor = "PT5M", lockAtMostFor = "PT2H")
	@Transactional
	public int purge() {
		// The chain is cut at the oldest entry to keep: an entry written under a clock that went back
		// must not leave a gap in what remains.
		Optional<LastRemoved> last = jdbc.sql("""
				select id, hash from platform_audit_log
				where id < coalesce((select min(id) from platform_audit_log
				                     where at >= now() - make_interval(days => :days)), 9223372036854775807)
				order by id desc
				limit 1""")
			.param("days", days)
			.query((rs, n) -> new LastRemoved(rs.getLong("id"), rs.getString("hash")))
			.optional();
		if (last.isEmpty()) {
			return 0;
		}
		// The trigger lets only a transaction that announces itself as the retention job delete at all.
		jdbc.sql("set local tongxin.audit_retention = 'on'").update();
		jdbc.sql("""
				insert into platform_audit_anchor (id, last_hash) values (1, :hash)
				on conflict (id) do update set last_hash = excluded.last_hash""")
			.param("hash", last.get().hash())
			.update();
		int removed = jdbc.sql("delete from platform_audit_log where id <= ?").param(last.get().id()).update();
		audit.append("system", UnitId.CENTRAL, AuditLog.Action.DELETE, "audit_log", last.get().id(),
				Map.of("before", Map.of("entries", removed, "lastId", last.get().id(), "retentionDays", days)), null);
		log.info("Removed {} audit entries older than {} days", removed, days);
		return removed;
	}
}
