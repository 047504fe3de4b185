package org.tongxin.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.audit.AuditVerifier.Problem;
import org.tongxin.platform.audit.AuditVerifier.Verification;
import org.tongxin.platform.crypto.CryptoSuite;

/**
 * Issue 9, item 12: the chain is keyed with a key outside the database, and signed anchors in a file show a
 * removed tail. Each attack is made as someone with write access to the database would make it, and rolled
 * back.
 */
@PlatformTest
class KeyedAuditChainTests extends AuditChainTestSupport {

	@Autowired
	AuditChain auditChain;

	@Autowired
	AuditAnchors anchors;

	@Autowired
	AuditVerifier verifier;

	@Test
	void newEntriesAreHashedWithTheKeyedAlgorithmOfTheSuite() {
		long id = chain.append("organisation", "键控测试");
		AuditEntry entry = chain.entry(id);

		assertThat(entry.chainAlgorithm()).isEqualTo("HMAC-SHA256");
		assertThat(entry.hash()).isEqualTo(auditChain.hash(entry))
			.isNotEqualTo(AuditChain.unkeyed(entry.prevHash(), entry.at(), entry.actor(), entry.actorUnit(),
					entry.action(), entry.objectType(), entry.objectId(), entry.detail(), entry.reason(), entry.ip()));
		assertThat(verifier.verify().ok()).isTrue();
	}

	@Test
	void anEditedEntryIsDetected() {
		long edited = chain.append("organisation", "编辑前");
		chain.append("organisation", "其后");

		chain.rolledBack(() -> {
			chain.pastTheTrigger(() -> jdbc.sql("update platform_audit_log set actor = 'someone-else' where id = ?")
				.param(edited)
				.update());

			Verification result = verifier.verify();

			assertThat(result.ok()).isFalse();
			assertThat(result.firstBrokenId()).isEqualTo(edited);
			assertThat(result.problem()).isEqualTo(Problem.HASH_MISMATCH);
		});
		assertThat(verifier.verify().ok()).isTrue();
	}

	@Test
	void anEditWithARecomputedUnkeyedChainIsDetected() {
		long edited = chain.append("organisation", "改写前");
		chain.append("organisation", "改写后一");
		chain.append("organisation", "改写后二");

		// Labelled honestly as plain SHA-256: unkeyed entries may only come before the keyed ones.
		chain.rolledBack(() -> {
			rechainUnkeyedFrom(edited, "{\"after\":{\"name\":\"伪造\"}}", true);

			Verification result = verifier.verify();

			assertThat(result.ok()).isFalse();
			assertThat(result.firstBrokenId()).isEqualTo(edited);
			assertThat(result.problem()).isEqualTo(Problem.UNKEYED_AFTER_KEYED);
		});
		// Still labelled as keyed: the plain SHA-256 is not the keyed hash.
		chain.rolledBack(() -> {
			rechainUnkeyedFrom(edited, "{\"after\":{\"name\":\"伪造\"}}", false);

			Verification result = verifier.verify();

			assertThat(result.firstBrokenId()).isEqualTo(edited);
			assertThat(result.problem()).isEqualTo(Problem.HASH_MISMATCH);
		});
		assertThat(verifier.verify().ok()).isTrue();
	}

	@Test
	void theWholeLogRewrittenWithoutTheKeyDoesNotMatchTheSignedAnchor() {
		chain.append("organisation", "整体改写");
		assertThat(anchors.write()).isPresent();

		chain.rolledBack(() -> {
			long first = jdbc.sql("select min(id) from platform_audit_log").query(Long.class).single();
			rechainUnkeyedFrom(first, null, true);

			Verification result = verifier.verify();

			assertThat(result.ok()).isFalse();
			assertThat(result.firstBrokenId()).isNull();
			assertThat(result.problem()).isEqualTo(Problem.ANCHORED_ENTRY_MISSING);
		});
		assertThat(verifier.verify().ok()).isTrue();
	}

	@Test
	void aDeletedTailAfterAnAnchorIsDetected() {
		long firstRemoved = chain.append("organisation", "尾部一");
		chain.append("organisation", "尾部二");
		long anchored = chain.append("organisation", "尾部三");
		assertThat(anchors.write()).get().extracting(AuditAnchors.Anchor::lastId).isEqualTo(anchored);
		assertThat(verifier.verify().anchoredId()).isEqualTo(anchored);

		chain.rolledBack(() -> {
			chain.pastTheTrigger(() -> jdbc.sql("delete from platform_audit_log where id >= ?").param(firstRemoved).update());

			Verification result = verifier.verify();

			// What remains still links; only the anchor shows that entries are missing.
			assertThat(result.firstBrokenId()).isNull();
			assertThat(result.ok()).isFalse();
			assertThat(result.problem()).isEqualTo(Problem.ANCHORED_ENTRY_MISSING);
			assertThat(result.anchoredId()).isEqualTo(anchored);
		});
		assertThat(verifier.verify().ok()).isTrue();
	}

	@Test
	void anAnchorLineWithoutAValidSignatureIsDetected() {
		chain.append("organisation", "锚点伪造");
		AuditAnchors.Anchor real = anchors.write().orElseThrow();

		ChainFixtures.restoringAnchors(anchors, () -> {
			// An attacker who removed the tail writes an anchor for what is left, without the key.
			long before = jdbc.sql("select max(id) from platform_audit_log where id < ?").param(real.lastId())
				.query(Long.class).single();
			AuditAnchors.Anchor forged = new AuditAnchors.Anchor(Instant.now(), before, real.entryAt(), real.count() - 1,
					chain.entry(before).hash());
			appendLine(forged.text() + " alg=HMAC-SHA256 mac=" + "ab".repeat(32));

			assertThat(verifier.verify().problem()).isEqualTo(Problem.ANCHOR_NOT_SIGNED);
		});
		assertThat(verifier.verify().ok()).isTrue();
	}

	@Test
	void theAnchorFileIsReadableByItsOwnerOnly() throws IOException {
		chain.append("organisation", "锚点权限");
		anchors.write();

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(anchors.file()))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(anchors.file().getParent())))
			.isEqualTo("rwx------");
		List<String> lines = Files.readAllLines(anchors.file());
		assertThat(lines.getLast()).startsWith("anchor v1 at=").contains(" alg=HMAC-SHA256 mac=");
	}

	@Test
	void entriesOfTheSmSuiteVerifyBesideTheStandardOnes() {
		chain.append("organisation", "国密前");

		chain.rolledBack(() -> {
			// As after switching tongxin.crypto.suite to sm: new entries are HMAC-SM3, the older ones stay as written.
			AuditEntry last = chain.entry(chain.lastId());
			String algorithm = CryptoSuite.SM.chainName();
			Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
			String hash = auditChain.hash(algorithm, last.hash(), at, "chengdu", 510100L, "CREATE", "organisation", "sm",
					"{}", null, null);
			jdbc.sql("""
					insert into platform_audit_log
					    (at, actor, actor_unit, action, object_type, object_id, detail, prev_hash, hash, chain_alg)
					values (?, 'chengdu', 510100, 'CREATE', 'organisation', 'sm', '{}', ?, ?, ?)""")
				.params(Timestamp.from(at), last.hash(), hash, algorithm)
				.update();
			long sm = chain.lastId();
			assertThat(hash).isNotEqualTo(auditChain.hash("HMAC-SHA256", last.hash(), at, "chengdu", 510100L, "CREATE",
					"organisation", "sm", "{}", null, null));
			assertThat(verifier.verify().ok()).isTrue();

			chain.pastTheTrigger(() -> jdbc.sql("update platform_audit_log set object_id = 'sm2' where id = ?")
				.param(sm)
				.update());
			assertThat(verifier.verify().firstBrokenId()).isEqualTo(sm);
		});
	}

	/**
	 * Rewrites the entries from {@code from} on with plain SHA-256, as someone without the key would:
	 * optionally a new detail for the first, and each later one re-linked.
	 */
	private void rechainUnkeyedFrom(long from, String detail, boolean labelUnkeyed) {
		String prev = jdbc.sql("select prev_hash from platform_audit_log where id = ?").param(from).query(String.class).single();
		List<AuditEntry> entries = jdbc.sql("select " + AuditTrail.COLUMNS + " from platform_audit_log where id >= ? order by id")
			.param(from)
			.query(AuditTrail::map)
			.list();
		chain.pastTheTrigger(() -> {
			String p = prev;
			for (AuditEntry e : entries) {
				String newDetail = e.id() == from && detail != null ? detail : e.detail();
				String hash = AuditChain.unkeyed(p, e.at(), e.actor(), e.actorUnit(), e.action(), e.objectType(),
						e.objectId(), newDetail, e.reason(), e.ip());
				jdbc.sql("update platform_audit_log set detail = ?, prev_hash = ?, hash = ?, chain_alg = ? where id = ?")
					.params(newDetail, p, hash, labelUnkeyed ? AuditChain.UNKEYED : e.chainAlgorithm(), e.id())
					.update();
				p = hash;
			}
		});
	}

	private void appendLine(String line) {
		try {
			Files.writeString(anchors.file(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
