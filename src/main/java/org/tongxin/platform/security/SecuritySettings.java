package org.tongxin.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 等保2.0 level-3 login controls.
 *
 * @param passwordMaxAge a password older than this must be changed at the next sign-in
 * @param lockoutAttempts failed sign-ins in a row that lock the account
 * @param lockoutDuration how long the lock lasts
 * @param adminMfa whether the three administrators need a TOTP second factor (always off in demo mode)
 */
@ConfigurationProperties("tongxin.security")
public record SecuritySettings(Duration passwordMaxAge, int lockoutAttempts, Duration lockoutDuration,
		boolean adminMfa) {
}
