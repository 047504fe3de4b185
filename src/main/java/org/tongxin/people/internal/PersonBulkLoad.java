package org.tongxin.people.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.tongxin.platform.crypto.FieldCipher;

/**
 * Loads persons with PostgreSQL's COPY (pgjdbc CopyManager): one round trip per megabyte instead of one per
 * row. Encrypts and hashes on the way, exactly as a single insert would. No data-scope check here: the
 * callers (demo loader, import after its own scope check, benchmarks) decide the units.
 */
@Component
public class PersonBulkLoad {

	private static final String COPY = """
			copy people_person (unit_id, region_code, name, sex, birth_date, ethnicity, id_number_cipher, id_number_hash,
			    phone_cipher, phone_hash, phone_suffix_hash, email_cipher, education, affiliation, party,
			    religion_cipher, group_code, subgroup, employer, position, sector, address_cipher, tags, legal_basis, consent_state)
			from stdin""";

	private static final int FLUSH_BYTES = 1 << 20;

	private static final HexFormat HEX = HexFormat.of();

	private final DataSource dataSource;

	private final FieldCipher cipher;

	private final JdbcClient jdbc;

	PersonBulkLoad(DataSource dataSource, FieldCipher cipher, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.cipher = cipher;
		this.jdbc = jdbc;
	}

	/** Copies the persons in, on the transaction's connection when there is one; returns the row count. */
	public long load(Stream<NewPerson> persons) throws SQLException {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
			try {
				StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 4096);
				long[] rows = { 0 };
				persons.forEach(person -> {
					row(buffer, person);
					rows[0]++;
					if (buffer.length() >= FLUSH_BYTES / 3) {
						write(copy, buffer);
					}
				});
				write(copy, buffer);
				copy.endCopy();
				return rows[0];
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private void row(StringBuilder line, NewPerson p) {
		String phone = p.phone();
		String id = p.idNumber();
		field(line, Long.toString(p.unitId()));
		field(line, p.regionCode());
		field(line, p.name());
		field(line, p.sex());
		field(line, p.birthDate().toString());
		field(line, p.ethnicity());
		bytes(line, id == null ? null : cipher.encrypt(id));
		bytes(line, id == null ? null : cipher.hash(FieldCipher.Purpose.ID_NUMBER, id));
		bytes(line, phone == null ? null : cipher.encrypt(phone));
		bytes(line, phone == null ? null : cipher.hash(FieldCipher.Purpose.PHONE, phone));
		bytes(line, phone == null ? null : cipher.hash(FieldCipher.Purpose.PHONE_SUFFIX, phone.substring(phone.length() - 4)));
		bytes(line, p.email() == null ? null : cipher.encrypt(p.email()));
		field(line, p.education());
		field(line, p.affiliation());
		field(line, p.party());
		bytes(line, p.religion() == null ? null : cipher.encrypt(p.religion()));
		field(line, p.group());
		field(line, p.subgroup());
		field(line, p.employer());
		field(line, p.position());
		field(line, p.sector());
		bytes(line, p.address() == null ? null : cipher.encrypt(p.address()));
		field(line, Persons.arrayLiteral(p.tags()));
		field(line, p.legalBasis());
		line.append(escaped(p.consentState())).append('\n');
	}

	private static void field(StringBuilder line, @Nullable String value) {
		line.append(value == null ? "\\N" : escaped(value)).append('\t');
	}

	/** bytea in COPY text format: "\x" and hex, with the backslash itself escaped for COPY. */
	private static void bytes(StringBuilder line, byte @Nullable [] value) {
		line.append(value == null ? "\\N" : "\\\\x" + HEX.formatHex(value)).append('\t');
	}

	private static String escaped(String value) {
		if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	private static void write(CopyIn copy, StringBuilder buffer) {
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		try {
			copy.writeToCopy(bytes, 0, bytes.length);
		}
		catch (SQLException e) {
			throw new IllegalStateException("COPY into people_person failed", e);
		}
		buffer.setLength(0);
	}

	/** Whether the registry holds nobody yet: the demo loader runs only on an empty registry. */
	public boolean registryEmpty() {
		return jdbc.sql("select not exists (select 1 from people_person)").query(Boolean.class).single();
	}
}
