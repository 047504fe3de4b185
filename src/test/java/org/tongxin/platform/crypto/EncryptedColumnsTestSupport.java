package org.tongxin.platform.crypto;

import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * For the tests that look beneath the field encryption: what a row's column holds, as stored and decrypted,
 * and the lookup hash of a value as the audit log names it. The test classes carry {@code @PlatformTest}
 * themselves.
 */
public abstract class EncryptedColumnsTestSupport {

	@Autowired
	protected MockMvcTester mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected FieldCipher cipher;

	/** The ciphertext {@code column} of {@code table} holds for the row {@code id}. */
	protected byte[] stored(String table, String column, long id) {
		return jdbc.sql("select " + column + " from " + table + " where id = ?").param(id).query(byte[].class).single();
	}

	/** The value {@code column} of {@code table} holds for the row {@code id}, decrypted. */
	protected String decrypted(String table, String column, long id) {
		return cipher.decrypt(stored(table, column, id));
	}

	/** The lookup hash of {@code value}, in hex. */
	protected String hashHex(FieldCipher.Purpose purpose, String value) {
		return HexFormat.of().formatHex(cipher.hash(purpose, value));
	}
}
