package org.tongxin.platform.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole audit chain in id order and reports the first entry that does not follow from its
 * predecessor: its stored hash is not the hash of its content, or its prev_hash is not the hash of the
 * entry before it (or of the anchor the retention job left, for the oldest entry kept).
 */
@Service
public class AuditVerifier {

	/** Entries read per query: keyset batches keep memory flat however long the log is. */
	static final int BATCH = 5000;

	private final JdbcClient jdbc;

	AuditVerifier(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public enum Problem {

		/** The entry's content was changed after it was written. */
		HASH_MISMATCH("hash mismatch"),

		/** An entry before this one was removed, inserted or rewritten together with its hash. */
		PREV_HASH_DOES_NOT_FOLLOW("prev_hash does not follow");

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
	 * @param firstBrokenId the id of the first entry that breaks the chain, null when the chain is intact
	 */
	public record Verification(boolean ok, long entriesChecked, @Nullable Long firstBrokenId,
			@Nullable Problem problem) {

		static Verification intact(long entriesChecked) {
			return new Verification(true, entriesChecked, null, null);
		}

		static Verification broken(long entriesChecked, long entryId, Problem problem) {
			return new Verification(false, entriesChecked, entryId, problem);
		}
	}

	/**
	 * One snapshot from start to end (repeatable read), so entries appended or removed by the retention job
	 * while the walk is under way cannot show up as a break.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify() {
		String expectedPrev = jdbc.sql("select last_hash from platform_audit_anchor where id = 1")
			.query(String.class)
			.optional()
			.orElse(AuditChain.GENESIS);
		long checked = 0;
		long after = Long.MIN_VALUE;
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
				if (!AuditChain.hash(entry).equals(entry.hash())) {
					return Verification.broken(checked, entry.id(), Problem.HASH_MISMATCH);
				}
				expectedPrev = entry.hash();
			}
			if (batch.size() < BATCH) {
				return Verification.intact(checked);
			}
			after = batch.getLast().id();
		}
	}
}
