package org.tongxin.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Issue 9, item 24: the system administrator sees the suite, the active key and per encrypted column how many
 * values are not current, starts the re-encryption (audited, one at a time) and follows its progress; after
 * it the counts are zero. Nobody else reaches the screen.
 */
@PlatformTest
class ReEncryptionScreenTests extends EncryptedColumnsTestSupport {

	@Autowired
	CryptoSettings settings;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void theAdministratorSeesTheOutdatedValuesStartsTheJobAndTheCountsDropToZero() throws Exception {
		// Two phone numbers as values written before the algorithm was recorded (key id, IV, AES-GCM): readable,
		// not current.
		var rows = jdbc.sql("select id, phone_cipher from people_person where phone_cipher is not null order by id limit 2")
			.query((rs, n) -> new Object[] { rs.getLong(1), cipher.decrypt(rs.getBytes(2)) })
			.list();
		for (Object[] row : rows) {
			jdbc.sql("update people_person set phone_cipher = ? where id = ?")
				.params(legacy((String) row[1]), row[0])
				.update();
		}
		long outdatedBefore = jdbc.sql("select count(*) from people_person where get_byte(phone_cipher, 0) <> 0")
			.query(Long.class)
			.single();
		assertThat(outdatedBefore).isGreaterThanOrEqualTo(2);
		MockHttpSession admin = SignIn.as(mvc, "admin");

		assertThat(mvc.get().uri("/system/crypto").session(admin)).hasStatusOk()
			.bodyText()
			.contains("AES-256-GCM")
			.contains("id=\"crypto-active-key\">" + settings.activeKey() + "<")
			.contains("id=\"outdated-people_person-phone_cipher\">" + outdatedBefore + "<")
			.contains("开始重新加密")
			.doesNotContain((String) rows.get(0)[1]);
		assertThat(mvc.get().uri("/admin/crypto").session(admin)).hasRedirectedUrl("/system/crypto");

		assertThat(mvc.post().uri("/system/crypto/reencrypt").session(admin).with(csrf()))
			.hasRedirectedUrl("/system/crypto?started");
		String publicId = jdbc.sql("""
				select public_id::text from platform_job where kind = 'crypto-reencrypt' and owner = 'admin'
				order by id desc limit 1""").query(String.class).single();
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_log
				where actor = 'admin' and action = 'CRYPTO_REENCRYPT' and detail like '%"suite":"STANDARD"%'""")
			.query(Long.class)
			.single()).isPositive();
		awaitEnd(publicId);

		assertThat(mvc.get().uri("/jobs/{id}/progress", publicId).session(admin)).hasStatusOk()
			.bodyText()
			.contains("data-status=\"SUCCEEDED\"");
		assertThat(mvc.get().uri("/system/crypto").session(admin)).hasStatusOk()
			.bodyText()
			.contains("id=\"outdated-people_person-phone_cipher\">0<")
			.contains("共 0 个值")
			.contains("data-status=\"SUCCEEDED\"");
		for (Object[] row : rows) {
			byte[] stored = stored("people_person", "phone_cipher", (long) row[0]);
			assertThat(cipher.isCurrent(stored)).isTrue();
			assertThat(cipher.decrypt(stored)).isEqualTo(row[1]);
		}
		// The job's progress is the administrators' business, not the staff's.
		assertThat(mvc.get().uri("/jobs/{id}/progress", publicId).session(SignIn.as(mvc, "central"))).hasStatus(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "central", "secadmin", "auditor", "chengdu" })
	void nobodyButTheSystemAdministratorReachesTheScreen(String user) {
		MockHttpSession session = SignIn.as(mvc, user);
		long jobs = reEncryptionJobs();

		assertThat(mvc.get().uri("/system/crypto").session(session)).hasStatus(403);
		assertThat(mvc.get().uri("/admin/crypto").session(session)).hasStatus(403);
		assertThat(mvc.post().uri("/system/crypto/reencrypt").session(session).with(csrf())).hasStatus(403);
		assertThat(reEncryptionJobs()).isEqualTo(jobs);
	}

	@Test
	void aSecondStartWhileOneRunsIsRefused() {
		// A re-encryption running on another node (its heartbeat is fresh, so this node leaves it alone).
		long running = jdbc.sql("""
				insert into platform_job (kind, unit_id, owner, status, runner, attempts, started_at, heartbeat_at)
				values ('crypto-reencrypt', 1, 'admin', 'RUNNING', 'another-node', 1, now(), now()) returning id""")
			.query(Long.class)
			.single();
		try {
			MockHttpSession admin = SignIn.as(mvc, "admin");
			long jobs = reEncryptionJobs();

			assertThat(mvc.post().uri("/system/crypto/reencrypt").session(admin).with(csrf())).hasStatus(409)
				.bodyText()
				.contains("已有一个重新加密任务在排队或进行中");
			assertThat(reEncryptionJobs()).isEqualTo(jobs);
			assertThat(mvc.get().uri("/system/crypto").session(admin)).hasStatusOk()
				.bodyText()
				.doesNotContain("id=\"crypto-reencrypt\"")
				.contains("data-status=\"RUNNING\"");
		}
		finally {
			jdbc.sql("update platform_job set status = 'CANCELLED', finished_at = now() where id = ?").param(running).update();
		}
	}

	@Test
	void theDatabaseHoldsOneQueuedOrRunningReEncryptionWhenTwoStartAtOnce() {
		TransactionTemplate rolledBack = new TransactionTemplate(transactionManager);
		assertThatThrownBy(() -> rolledBack.executeWithoutResult(status -> {
			status.setRollbackOnly();
			for (int i = 0; i < 2; i++) {
				jdbc.sql("""
						insert into platform_job (kind, unit_id, owner, status, runner, heartbeat_at)
						values ('crypto-reencrypt', 1, 'admin', 'RUNNING', 'another-node', now())""").update();
			}
		})).isInstanceOf(DuplicateKeyException.class);
	}

	long reEncryptionJobs() {
		return jdbc.sql("select count(*) from platform_job where kind = 'crypto-reencrypt'").query(Long.class).single();
	}

	void awaitEnd(String publicId) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			String status = jdbc.sql("select status from platform_job where public_id = ?::uuid")
				.param(publicId)
				.query(String.class)
				.single();
			if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
				assertThat(status).isEqualTo("SUCCEEDED");
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("re-encryption did not end");
	}

	/** A value as FieldCipher wrote it before values named their algorithm: key id 1, IV, AES-256-GCM. */
	byte[] legacy(String plain) throws Exception {
		byte[] iv = new byte[12];
		new SecureRandom().nextBytes(iv);
		Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
		aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(settings.keys().get(1)), "AES"),
				new GCMParameterSpec(128, iv));
		byte[] sealed = aes.doFinal(plain.getBytes(StandardCharsets.UTF_8));
		return ByteBuffer.allocate(1 + iv.length + sealed.length).put((byte) 1).put(iv).put(sealed).array();
	}
}
