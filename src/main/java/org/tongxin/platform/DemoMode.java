package org.tongxin.platform;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether this installation runs the demo data set: demo accounts with a published password, no second
 * factor, and a "演示环境" banner on every page. It is on by default with the embedded database and
 * refuses to run against an external database unless forced, so demo accounts never reach real data.
 */
@Component
public class DemoMode {

	private final boolean enabled;

	private final boolean embeddedDatabase;

	DemoMode(Environment environment) {
		this.embeddedDatabase = environment.getProperty("spring.datasource.url", "").isBlank();
		String mode = environment.getProperty("tongxin.demo.mode", "auto").trim().toLowerCase();
		boolean force = environment.getProperty("tongxin.demo.force", Boolean.class, false);
		this.enabled = switch (mode) {
			case "auto" -> embeddedDatabase;
			case "on", "true" -> true;
			default -> false;
		};
		if (enabled && !embeddedDatabase && !force) {
			throw new IllegalStateException("""
					The demo data set (published passwords) refuses to run against an external database.
					Set TONGXIN_DEMO=off, or TONGXIN_DEMO_FORCE=true if this database is really a demo.""");
		}
	}

	public boolean enabled() {
		return enabled;
	}

	public boolean embeddedDatabase() {
		return embeddedDatabase;
	}
}
