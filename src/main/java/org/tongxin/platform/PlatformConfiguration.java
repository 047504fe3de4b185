package org.tongxin.platform;

import java.time.Clock;
import java.time.ZoneId;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/**
	 * Scheduled work (the job runner, sweeps, anchors, the daily backup) — not in a maintenance command
	 * ({@code java -jar tongxin.jar backup|restore}), which must not run jobs against the database it copies.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@EnableSchedulerLock(interceptMode = EnableSchedulerLock.InterceptMode.PROXY_SCHEDULER,
			defaultLockAtMostFor = "PT30M")
	@ConditionalOnProperty(name = "tongxin.tool.command", matchIfMissing = true, havingValue = "none")
	static class Scheduling {

		/**
		 * Scheduled work marked {@code @SchedulerLock} (anchors, retention, sweeps, backups, the duplicate
		 * scan) runs on one node at a time when several share the database (ShedLock, decision 0013): a row per
		 * task in platform_scheduler_lock, timed by the database's clock, not the nodes'. Only the scheduled
		 * runs are locked (PROXY_SCHEDULER), not a direct call. The job runner polls on every node: its claim
		 * is {@code for update skip locked}.
		 */
		@Bean
		LockProvider schedulerLocks(DataSource dataSource) {
			return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
				.withJdbcTemplate(new JdbcTemplate(dataSource))
				.withTableName("platform_scheduler_lock")
				.usingDbTime()
				.build());
		}
	}

	/**
	 * The clock of the application, in the one zone every time is shown in ({@code tongxin.time-zone},
	 * Asia/Shanghai unless configured). Servers usually run in UTC: with the machine's zone, record, import and
	 * transfer times were shown 8 hours behind Beijing time. Instants themselves are zone-free (timestamptz).
	 */
	@Bean
	Clock clock(@Value("${tongxin.time-zone:Asia/Shanghai}") ZoneId zone) {
		return Clock.system(zone);
	}
}
