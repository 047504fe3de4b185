package org.tongxin.platform.audit;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Entries whose personal values were removed after they were written (migration V85, docs/decisions/0006).
 * A redacted entry's stored hash is the hash of what it held before, so it no longer follows from its
 * content; instead it carries a seal, a MAC under the audit key over its id, its stored hashes and its
 * redacted content. Entries are sealed once, by the writer of the first keyed entry, inside the same
 * transaction: after that a redaction without a valid seal is a break of the chain.
 */
public final class AuditRedactions {

	private AuditRedactions() {
	}

	/** Seals every redaction that has no seal yet; the caller holds the chain's lock. */
	public static int seal(JdbcClient jdbc, AuditChain chain) {
		List<AuditEntry> unsealed = jdbc.sql("select " + prefixed() + """
				 from platform_audit_log l join platform_audit_redaction r on r.entry_id = l.id
				where r.seal is null order by l.id""")
			.query(AuditTrail::map)
			.list();
		String algorithm = chain.algorithm();
		for (AuditEntry entry : unsealed) {
			jdbc.sql("update platform_audit_redaction set seal_alg = ?, seal = ? where entry_id = ?")
				.params(algorithm, seal(chain, algorithm, entry), entry.id())
				.update();
		}
		return unsealed.size();
	}

	/** The seal of a redacted entry with the given algorithm. */
	static String seal(AuditChain chain, String algorithm, AuditEntry e) {
		return chain.hash(algorithm, "redacted:" + e.id() + ":" + e.prevHash() + ":" + e.hash(), e.at(), e.actor(),
				e.actorUnit(), e.action(), e.objectType(), e.objectId(), e.detail(), e.reason(), e.ip());
	}

	private static String prefixed() {
		return "l." + AuditTrail.COLUMNS.replace(", ", ", l.");
	}
}
