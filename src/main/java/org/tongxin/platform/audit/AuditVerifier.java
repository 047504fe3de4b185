package org.tongxin.platform.audit;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole audit chain in id order and reports the first entry that does not follow from its
 * predecessor: its stored hash is not the keyed hash of its content, or its prev_hash is not the hash of
 * the entry before it (or of the anchor the retention job left, for the oldest entry kept). Then it checks
 * the last signed anchor ({@link AuditAnchors}): the entry it names must still be there with the same hash,
 * so a removed tail shows too.
 * <p>
 * Entries written before the chain was keyed carry plain SHA-256; such an entry after a keyed one is a
 * forgery (someone recomputed the chain without the key). Entries redacted by migration V85 are accepted by
 * their keyed seal ({@link AuditRedactions}). See docs/decisions/0006.
 */
@Service
public class AuditVerifier {

	/** Entries read per query: keyset batches keep memory flat however long the log is. */
	static final int BATCH = 5000;

	/** The legal minimum age of an entry the retention job may remove. */
	private static final Duration RETENTION_MINIMUM = Duration.ofDays(AuditRetention.MINIMUM_DAYS);

	private final JdbcClient jdbc;

	private final AuditChain chain;

	private final AuditAnchors anchors;

	AuditVerifier(JdbcClient jdbc, AuditChain chain, AuditAnchors anchors) {
		this.jdbc = jdbc;
		this.chain = chain;
		this.anchors = anchors;
	}

	public enum Problem {

		/** The entry's content was changed after it was written. */
		HASH_MISMATCH("hash mismatch"),

		/** An entry before this one was removed, inserted or rewritten together with its hash. */
		PREV_HASH_DOES_NOT_FOLLOW("prev_hash does not follow"),

		/** An entry hashed without the key after the chain was keyed: rewritten by someone without the key. */
		UNKEYED_AFTER_KEYED("unkeyed hash after the chain was keyed"),

		/** A redacted entry whose seal is missing or does not match its content. */
		REDACTION_NOT_SEALED("redaction without a valid seal"),

		/** The last anchor's line does not carry a valid signature. */
		ANCHOR_NOT_SIGNED("anchor signature invalid"),

		/** The entry the last anchor names is gone or changed: the tail of the log was removed or replaced. */
		ANCHORED_ENTRY_MISSING("anchored entry missing or changed");

		private final String description;

		Problem(String description) {
			this.description = description;
		}

		public String description() {
			return description;
		}
	}

	/**
	 * @param entriesChecked entries read, up to and including the first broken one
	 * @param firstBrokenId the id of the first entry that breaks the chain, null when the chain is intact (or
	 * the anchor is what fails)
	 * @param anchoredId the entry of the last signed anchor that was checked, null when there is no anchor yet
	 */
	public record Verification(boolean ok, long entriesChecked, @Nullable Long firstBrokenId,
			@Nullable Problem problem, @Nullable Long anchoredId) implements Serializable {

		public Verification(boolean ok, long entriesChecked, @Nullable Long firstBrokenId, @Nullable Problem problem) {
			this(ok, entriesChecked, firstBrokenId, problem, null);
		}

		static Verification broken(long entriesChecked, long entryId, Problem problem) {
			return new Verification(false, entriesChecked, entryId, problem, null);
		}
	}

	private record Seal(@Nullable String algorithm, @Nullable String seal) {
	}

	/**
	 * One snapshot from start to end (repeatable read), so entries appended or removed by the retention job
	 * while the walk is under way cannot show up as a break.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify() {
		// Before the snapshot is taken: anchors written from now on may name entries it cannot see.
		return walk(jdbc, Instant.now(), true);
	}

	/**
	 * The chain of another database (one just restored from a backup): every entry follows its predecessor and
	 * carries its keyed hash. The anchor file is not consulted: it belongs to the live log, whose newer anchors
	 * name entries an older backup cannot hold.
	 */
	public Verification verifyChainOf(DataSource database) {
		return walk(JdbcClient.create(database), Instant.now(), false);
	}

	private Verification walk(JdbcClient jdbc, Instant began, boolean withAnchors) {
		String expectedPrev = jdbc.sql("select last_hash from platform_audit_anchor where id = 1")
			.query(String.class)
			.optional()
			.orElse(AuditChain.GENESIS);
		Map<Long, Seal> seals = new HashMap<>();
		jdbc.sql("select entry_id, seal_alg, seal from platform_audit_redaction")
			.query(rs -> {
				seals.put(rs.getLong("entry_id"), new Seal(rs.getString("seal_alg"), rs.getString("seal")));
			});
		long checked = 0;
		long after = Long.MIN_VALUE;
		boolean keyed = false;
		while (true) {
			List<AuditEntry> batch = jdbc
				.sql("select " + AuditTrail.COLUMNS + " from platform_audit_log where id > ? order by id limit ?")
				.params(after, BATCH)
				.query(AuditTrail::map)
				.list();
			for (AuditEntry entry : batch) {
				checked++;
				if (!entry.prevHash().equals(expectedPrev)) {
					return Verification.broken(checked, entry.id(), Problem.PREV_HASH_DOES_NOT_FOLLOW);
				}
				boolean unkeyed = AuditChain.UNKEYED.equals(entry.chainAlgorithm());
				if (unkeyed && keyed) {
					return Verification.broken(checked, entry.id(), Problem.UNKEYED_AFTER_KEYED);
				}
				keyed |= !unkeyed;
				Seal seal = seals.get(entry.id());
				if (seal != null) {
					if (!unkeyed || !sealed(seal, entry)) {
						return Verification.broken(checked, entry.id(), Problem.REDACTION_NOT_SEALED);
					}
				}
				else if (!hash(entry).equals(entry.hash())) {
					return Verification.broken(checked, entry.id(), Problem.HASH_MISMATCH);
				}
				expectedPrev = entry.hash();
			}
			if (batch.size() < BATCH) {
				return withAnchors ? anchored(checked, began) : new Verification(true, checked, null, null, null);
			}
			after = batch.getLast().id();
		}
	}

	private String hash(AuditEntry entry) {
		try {
			return chain.hash(entry);
		}
		catch (IllegalArgumentException unknownAlgorithm) {
			return "";
		}
	}

	private boolean sealed(Seal seal, AuditEntry entry) {
		if (seal.algorithm() == null || seal.seal() == null || AuditChain.UNKEYED.equals(seal.algorithm())) {
			return false;
		}
		try {
			return AuditRedactions.seal(chain, seal.algorithm(), entry).equals(seal.seal());
		}
		catch (IllegalArgumentException unknownAlgorithm) {
			return false;
		}
	}

	/** The chain is intact; now the last anchor: the entry it names must be there, unchanged. */
	private Verification anchored(long checked, Instant began) {
		Optional<AuditAnchors.Last> last = anchors.lastBefore(began);
		if (last.isEmpty()) {
			return new Verification(true, checked, null, null, null);
		}
		if (!(last.get() instanceof AuditAnchors.Signed(AuditAnchors.Anchor anchor))) {
			return new Verification(false, checked, null, Problem.ANCHOR_NOT_SIGNED, null);
		}
		Optional<String> hash = jdbc.sql("select hash from platform_audit_log where id = ?")
			.param(anchor.lastId())
			.query(String.class)
			.optional();
		if (hash.isPresent() && hash.get().equals(anchor.lastHash())) {
			return new Verification(true, checked, null, null, anchor.lastId());
		}
		// Only the retention job removes entries legitimately: old ones, from the front of the log.
		boolean retained = hash.isEmpty() && anchor.entryAt().isBefore(Instant.now().minus(RETENTION_MINIMUM))
				&& jdbc.sql("select coalesce(min(id), 9223372036854775807) > ? from platform_audit_log")
					.param(anchor.lastId())
					.query(Boolean.class)
					.single()
				&& jdbc.sql("select count(*) > 0 from platform_audit_anchor").query(Boolean.class).single();
		return retained ? new Verification(true, checked, null, null, anchor.lastId())
				: new Verification(false, checked, null, Problem.ANCHORED_ENTRY_MISSING, anchor.lastId());
	}
}
