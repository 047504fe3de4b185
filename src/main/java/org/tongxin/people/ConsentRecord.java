package org.tongxin.people;

import java.time.Instant;

/** An entry of the consent ledger: given or withdrawn, for which scope, under which privacy notice. */
public record ConsentRecord(ConsentEvent event, ConsentScope scope, String noticeVersion, String channel, Instant at,
		String recordedBy) {
}
