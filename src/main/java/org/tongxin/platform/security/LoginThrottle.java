package org.tongxin.platform.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Throttles sign-in per client address (bucket4j token buckets, in memory: one node today). Only failures
 * take a token, so an office behind one address is not slowed down by its own successful sign-ins. Together
 * with the per-account lock it bounds how fast one address can guess passwords or lock accounts.
 */
@Component
public class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final LoginThrottleSettings settings;

	private final Map<String, Bucket> buckets;

	LoginThrottle(LoginThrottleSettings settings) {
		this.settings = settings;
		this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > settings.addresses();
			}
		};
	}

	/** @return how long the address must wait before its next sign-in attempt; zero when it may try now */
	public Duration wait(String address) {
		Bucket bucket;
		synchronized (buckets) {
			bucket = buckets.get(address);
		}
		if (bucket == null) {
			return Duration.ZERO;
		}
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	/** A failed sign-in from the address. */
	public void failed(String address) {
		Bucket bucket;
		synchronized (buckets) {
			bucket = buckets.computeIfAbsent(address, a -> newBucket());
		}
		if (bucket.tryConsume(1) && bucket.getAvailableTokens() == 0) {
			log.warn("Sign-in from {} throttled after repeated failures", address);
		}
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(limit -> limit.capacity(settings.perMinute()).refillGreedy(settings.perMinute(), Duration.ofMinutes(1)))
			.addLimit(limit -> limit.capacity(settings.perHour()).refillGreedy(settings.perHour(), Duration.ofHours(1)))
			.addLimit(limit -> limit.capacity(settings.perDay()).refillGreedy(settings.perDay(), Duration.ofDays(1)))
			.build();
	}
}
