package org.tongxin.organisations.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongxin.platform.crypto.FieldCipher;

/**
 * Flyway migration 95.1: encrypts the organisation contact phones that were stored in clear, then empties the
 * plaintext column (95.2 drops it). A Java migration because the key lives outside the database; a Spring
 * bean, so Spring Boot hands it to Flyway with the application's {@link FieldCipher}. Idempotent: it touches
 * only rows that still hold a plaintext value.
 */
@Component
public class ContactPhoneEncryption implements JavaMigration {

	private final FieldCipher cipher;

	ContactPhoneEncryption(FieldCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("95.1");
	}

	@Override
	public String getDescription() {
		return "organisations encrypt contact phones";
	}

	@Override
	public @Nullable Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (PreparedStatement select = connection.prepareStatement(
				"select id, contact_phone from org_organisation where contact_phone is not null for update");
				PreparedStatement update = connection.prepareStatement("""
						update org_organisation
						   set contact_phone_cipher = ?, contact_phone_hash = ?, contact_phone = null
						 where id = ?""");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				String phone = rows.getString("contact_phone").strip();
				boolean blank = phone.isEmpty();
				update.setBytes(1, blank ? null : cipher.encrypt(phone));
				update.setBytes(2, blank ? null : ContactPhones.hash(cipher, phone));
				update.setLong(3, rows.getLong("id"));
				update.addBatch();
			}
			update.executeBatch();
		}
	}
}
