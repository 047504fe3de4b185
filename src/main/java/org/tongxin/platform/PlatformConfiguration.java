package org.tongxin.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/**
	 * Scheduled work (the job runner, sweeps, anchors, the daily backup) — not in a maintenance command
	 * ({@code java -jar tongxin.jar backup|restore}), which must not run jobs against the database it copies.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ConditionalOnProperty(name = "tongxin.tool.command", matchIfMissing = true, havingValue = "none")
	static class Scheduling {
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
