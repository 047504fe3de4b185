package org.tongxin.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failed sign-ins one client address may make before it has to wait. The three limits together give a
 * progressive delay: after {@code perMinute} failures one more every {@code 60 / perMinute} seconds, after
 * {@code perHour} one every {@code 3600 / perHour} seconds, after {@code perDay} one every
 * {@code 86400 / perDay} seconds. Behind a reverse proxy, set {@code server.forward-headers-strategy=native}
 * (and let only the proxy reach the application) so that the client's address is the one counted.
 *
 * @param addresses how many client addresses are remembered at most (the least recently seen are forgotten)
 */
@ConfigurationProperties("tongxin.security.login-throttle")
public record LoginThrottleSettings(@DefaultValue("5") int perMinute, @DefaultValue("20") int perHour,
		@DefaultValue("100") int perDay, @DefaultValue("100000") int addresses) {
}
