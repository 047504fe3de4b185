package org.tongxin.platform.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/auditchain}: the chain verification for scripts and monitoring. Sign-in is by form
 * only, so a program calls it with the audit administrator's personal API token:
 *
 * <pre>
 * curl -H "Authorization: Bearer tx_…" https://host/actuator/auditchain
 * </pre>
 *
 * The security configuration lets only the permission {@code audit:verify} through.
 */
@Component
@Endpoint(id = "auditchain")
class AuditChainEndpoint {

	private final AuditVerifier verifier;

	AuditChainEndpoint(AuditVerifier verifier) {
		this.verifier = verifier;
	}

	/**
	 * @param problem "hash mismatch", "prev_hash does not follow", … ({@link AuditVerifier.Problem})
	 * @param anchoredId the entry named by the last signed anchor, checked to be still there; null before the
	 * first anchor
	 */
	record Report(boolean ok, long entriesChecked, @Nullable Long firstBrokenId, @Nullable String problem,
			@Nullable Long anchoredId) {
	}

	@ReadOperation
	Report verify() {
		AuditVerifier.Verification result = verifier.verify();
		return new Report(result.ok(), result.entriesChecked(), result.firstBrokenId(),
				result.problem() == null ? null : result.problem().description(), result.anchoredId());
	}
}
