package org.tongxin.people.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.platform.crypto.FieldCipher;

/**
 * Encrypts the emails and addresses an older version stored in plaintext (V82 added the encrypted columns).
 * Flyway cannot do it: the key is not in the database. Runs once at every start, before the demo data and
 * anything else that reads persons; it finds nothing to do after the first, so it is idempotent. Batches of
 * {@value #BATCH} rows, each in its own transaction, so a large registry is not locked at once and an
 * interrupted run continues where it stopped.
 */
@Component
@Order(0)
public class PersonFieldEncryption implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PersonFieldEncryption.class);

	static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final TransactionTemplate transaction;

	PersonFieldEncryption(JdbcClient jdbc, FieldCipher cipher, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public void run(ApplicationArguments args) {
		long done = encryptRemaining();
		if (done > 0) {
			log.info("Encrypted the plaintext email and address of {} persons", done);
		}
	}

	/** Encrypts every remaining plaintext email and address and empties the plaintext columns; returns the rows. */
	public long encryptRemaining() {
		long total = 0;
		while (true) {
			Integer batch = transaction.execute(status -> {
				List<Plain> rows = jdbc.sql("""
						select id, email, address from people_person
						where email is not null or address is not null
						order by id limit :batch for update skip locked""")
					.param("batch", BATCH)
					.query((rs, n) -> new Plain(rs.getLong(1), rs.getString(2), rs.getString(3)))
					.list();
				for (Plain row : rows) {
					jdbc.sql("""
							update people_person
							   set email_cipher = coalesce(:email, email_cipher), address_cipher = coalesce(:address, address_cipher),
							       email = null, address = null
							 where id = :id""")
						.param("email", encrypted(row.email()))
						.param("address", encrypted(row.address()))
						.param("id", row.id())
						.update();
				}
				return rows.size();
			});
			if (batch == null || batch == 0) {
				return total;
			}
			total += batch;
		}
	}

	private byte @Nullable [] encrypted(@Nullable String value) {
		return value == null || value.isBlank() ? null : cipher.encrypt(value.strip());
	}

	private record Plain(long id, @Nullable String email, @Nullable String address) {
	}
}
