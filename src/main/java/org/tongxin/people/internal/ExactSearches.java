package org.tongxin.people.internal;

import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.platform.Actor;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.Refusal;

/**
 * Searches for a whole mobile or ID number. Each one answers "is this number in my scope, and whose is it":
 * with a phone mask of 10 000 candidates that is an oracle that rebuilds a number in about a minute. So every
 * exact search is audited (who, which kind, the keyed hash — never the number) and limited per account by a
 * token bucket (bucket4j, in memory: one node today); a refusal is audited too. The phone-tail search (four
 * digits) is not an oracle for more than the mask already shows and stays unlimited.
 */
@Component
public class ExactSearches {

	public static final String SEARCH = "EXACT_SEARCH";

	public static final String REFUSED = "EXACT_SEARCH_REFUSED";

	private final int perMinute;

	private final AuditLog audit;

	private final TransactionTemplate ownTransaction;

	private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

	ExactSearches(@Value("${tongxin.people.exact-search-per-minute:30}") int perMinute, AuditLog audit,
			PlatformTransactionManager transactions) {
		this.perMinute = perMinute;
		this.audit = audit;
		// Own transaction: searches run inside read-only ones, and a refusal must stay recorded although the
		// request fails.
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public int perMinute() {
		return perMinute;
	}

	/** Takes one search from the account's allowance and audits it, or audits the refusal and throws. */
	public void admit(Actor actor, String kind, byte[] hash) {
		Bucket bucket = buckets.computeIfAbsent(actor.accountId(), account -> Bucket.builder()
			.addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
			.build());
		boolean admitted = bucket.tryConsume(1);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("kind", kind);
		detail.put("hash", HexFormat.of().formatHex(hash));
		if (!admitted) {
			detail.put("limitPerMinute", perMinute);
		}
		ownTransaction.executeWithoutResult(status -> audit.record(admitted ? SEARCH : REFUSED, "person", null,
				detail, null));
		if (!admitted) {
			throw new TooManyExactSearches(perMinute);
		}
	}

	/**
	 * More exact-number searches than the account's allowance this minute: 429 wherever it surfaces (the
	 * people pages and API answer with their own message; other modules' searches go through the registry too).
	 */
	public static class TooManyExactSearches extends Refusal {

		private final int perMinute;

		TooManyExactSearches(int perMinute) {
			super(HttpStatus.TOO_MANY_REQUESTS, "people.exactSearch.tooMany", perMinute);
			this.perMinute = perMinute;
		}

		public int perMinute() {
			return perMinute;
		}

		@Override
		public String detailKey() {
			return "person.exactSearch.limited";
		}

		/** The allowance is per minute. */
		@Override
		public Duration retryAfter() {
			return Duration.ofMinutes(1);
		}
	}
}
