package org.tongxin.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.PlatformTest;

@PlatformTest
class AuditRetentionTests extends AuditChainTestSupport {

	@Autowired
	AuditVerifier verifier;

	@Autowired
	AuditRetention scheduledRetention;

	@Autowired
	AuditChain auditChain;

	@Autowired
	AuditAnchors anchors;

	@Test
	void configuredRetentionIsNeverBelow180Days() {
		assertThat(scheduledRetention.days()).isEqualTo(180);
		// The whole demo log is younger than that.
		assertThat(scheduledRetention.purge()).isZero();
		assertThat(new AuditRetention(jdbc, audit, 30).days()).isEqualTo(180);
		assertThat(new AuditRetention(jdbc, audit, 365).days()).isEqualTo(365);
	}

	@Test
	void retentionRemovesOnlyOldEntriesAndTheRestStillVerifies() {
		// A log that began 400 days ago. The real log is set aside inside a transaction that is rolled back,
		// and so are its signed anchors, which name entries of the real log.
		ChainFixtures.withoutAnchors(anchors, () -> chain.rolledBack(() -> {
			chain.pastTheTrigger(() -> {
				jdbc.sql("delete from platform_audit_log").update();
				jdbc.sql("delete from platform_audit_anchor").update();
			});
			// The database's transaction time, which is also what the retention job and the trigger compare with.
			Instant now = jdbc.sql("select now()").query(OffsetDateTime.class).single().toInstant();
			String prev = AuditChain.GENESIS;
			String[] hashes = new String[7];
			int[] ages = { 400, 300, 200, 181, 179, 100, 10 };
			for (int i = 0; i < ages.length; i++) {
				hashes[i] = insert(now.minus(Duration.ofDays(ages[i])), prev, "age-" + ages[i]);
				prev = hashes[i];
			}
			assertThat(verifier.verify().ok()).isTrue();

			assertThat(new AuditRetention(jdbc, audit, 250).purge()).isEqualTo(2);
			assertThat(anchor()).isEqualTo(hashes[1]);
			assertThat(verifier.verify().ok()).isTrue();

			assertThat(new AuditRetention(jdbc, audit, 30).purge()).isEqualTo(2);
			assertThat(anchor()).isEqualTo(hashes[3]);
			assertThat(jdbc.sql("select object_id from platform_audit_log where action = 'CREATE' order by id")
				.query(String.class)
				.list()).containsExactly("age-179", "age-100", "age-10");
			// Each run is on the record, as the removal of audit entries.
			assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'DELETE' and object_type = 'audit_log'")
				.query(Long.class)
				.single()).isEqualTo(2);
			assertThat(verifier.verify()).isEqualTo(new AuditVerifier.Verification(true, 5, null, null));

			assertThat(new AuditRetention(jdbc, audit, 30).purge()).isZero();
		}));
		assertThat(verifier.verify().ok()).isTrue();
	}

	private String insert(Instant at, String prev, String name) {
		String detail = "{\"after\":{\"name\":\"" + name + "\"}}";
		String hash = auditChain.hash(auditChain.algorithm(), prev, at, "chengdu", 510100L, AuditLog.Action.CREATE,
				"organisation", name, detail, null, "10.0.0.1");
		jdbc.sql("""
				insert into platform_audit_log
				    (at, actor, actor_unit, action, object_type, object_id, detail, reason, ip, prev_hash, hash, chain_alg)
				values (?, 'chengdu', 510100, 'CREATE', 'organisation', ?, ?, null, '10.0.0.1', ?, ?, ?)""")
			.params(Timestamp.from(at), name, detail, prev, hash, auditChain.algorithm())
			.update();
		return hash;
	}

	private String anchor() {
		return jdbc.sql("select last_hash from platform_audit_anchor where id = 1").query(String.class).single();
	}
}
