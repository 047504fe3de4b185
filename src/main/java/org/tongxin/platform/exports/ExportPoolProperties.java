package org.tongxin.platform.exports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The export pool.
 *
 * @param poolSize connections for streamed exports, beside the main pool: at most this many run at once
 * @param maxWait how long one more export waits for a connection before it is refused (503)
 */
@ConfigurationProperties("tongxin.exports")
public record ExportPoolProperties(@DefaultValue("3") int poolSize, @DefaultValue("10s") Duration maxWait) {
}
