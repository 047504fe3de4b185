package org.tongxin.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.crypto.EncryptedTable.DerivedHash;
import org.tongxin.platform.crypto.EncryptedTable.EncryptedColumn;
import org.tongxin.platform.crypto.FieldCipher.Purpose;

/**
 * Issue 9, item 24: after the suite is switched to sm, the re-encryption job moves every declared value to
 * SM4 under the new key and recomputes its HMAC-SM3 hashes, in batches, and a second run changes nothing.
 */
@PlatformTest
class ReEncryptionTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	FieldCipher standard;

	@Autowired
	CryptoSettings settings;

	@Autowired
	List<EncryptedTable> declared;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void switchingToTheSmSuiteReEncryptsEveryValueAndRecomputesItsHashes() {
		Map<Integer, String> keys = new HashMap<>(settings.keys());
		keys.put(7, CryptoSuiteTests.randomKey(16));
		FieldCipher sm = new FieldCipher(new CryptoSettings(keys, 7, settings.hmacKey(), CryptoSuite.SM, settings.auditKey()),
				false);
		ReEncryption job = new ReEncryption(jdbcTemplate, sm, List.of(), transactionManager);
		EncryptedTable table = new EncryptedTable("crypto_test_value", "id", List.of(EncryptedColumn.of("secret",
				DerivedHash.of("secret_hash", Purpose.PHONE),
				new DerivedHash("suffix_hash", Purpose.PHONE_SUFFIX, v -> v.substring(v.length() - 4)))));
		int rows = ReEncryption.BATCH * 2 + 17;

		TransactionTemplate rolledBack = new TransactionTemplate(transactionManager);
		rolledBack.executeWithoutResult(status -> {
			status.setRollbackOnly();
			jdbc.sql("create table crypto_test_value (id bigint primary key, secret bytea, secret_hash bytea, suffix_hash bytea)")
				.update();
			for (int i = 1; i <= rows; i++) {
				String phone = "139" + String.format("%08d", i);
				jdbc.sql("insert into crypto_test_value values (?, ?, ?, ?)")
					.params(i, standard.encrypt(phone), standard.hash(Purpose.PHONE, phone),
							standard.hash(Purpose.PHONE_SUFFIX, phone.substring(7)))
					.update();
			}
			jdbc.sql("insert into crypto_test_value (id) values (?)").param(rows + 1).update();
			List<String> progress = new ArrayList<>();
			// Counted in SQL by the values' first bytes: every value is of the standard suite under key 1.
			assertThat(job.outdated(List.of(table)))
				.containsExactly(new ReEncryption.Outdated("crypto_test_value", "secret", rows, rows));

			Map<String, Long> changed = job.run(List.of(table), (column, done) -> progress.add(column + ":" + done),
					() -> false);

			assertThat(changed).containsExactly(Map.entry("crypto_test_value.secret", (long) rows));
			assertThat(progress).contains("crypto_test_value.secret:" + ReEncryption.BATCH,
					"crypto_test_value.secret:" + rows);
			jdbc.sql("select id, secret, secret_hash, suffix_hash from crypto_test_value where secret is not null")
				.query((rs, n) -> {
					String phone = "139" + String.format("%08d", rs.getLong(1));
					byte[] secret = rs.getBytes(2);
					assertThat(new byte[] { secret[0], secret[1], secret[2] }).containsExactly(0, 2, 7);
					assertThat(sm.decrypt(secret)).isEqualTo(phone);
					assertThat(rs.getBytes(3)).isEqualTo(sm.hash(Purpose.PHONE, phone))
						.isNotEqualTo(standard.hash(Purpose.PHONE, phone));
					assertThat(rs.getBytes(4)).isEqualTo(sm.hash(Purpose.PHONE_SUFFIX, phone.substring(7)));
					return null;
				})
				.list();
			assertThat(job.outdated(List.of(table)))
				.containsExactly(new ReEncryption.Outdated("crypto_test_value", "secret", rows, 0));
			// Run again (after a crash, or twice): nothing left to do.
			assertThat(job.run(List.of(table), (column, done) -> {
			}, () -> false)).containsExactly(Map.entry("crypto_test_value.secret", 0L));
		});
	}

	@Test
	void theRegistryDeclaresItsEncryptedColumnsAndTheyExist() {
		EncryptedTable people = declared.stream().filter(t -> t.table().equals("people_person")).findFirst().orElseThrow();

		assertThat(people.columns()).extracting(EncryptedColumn::column)
			.contains("id_number_cipher", "phone_cipher", "religion_cipher");
		for (EncryptedColumn column : people.columns()) {
			List<String> names = new ArrayList<>(List.of(column.column()));
			column.hashes().forEach(hash -> names.add(hash.column()));
			for (String name : names) {
				assertThat(jdbc.sql("""
						select data_type from information_schema.columns where table_name = 'people_person' and column_name = ?""")
					.param(name)
					.query(String.class)
					.single()).as(name).isEqualTo("bytea");
			}
		}
	}
}
