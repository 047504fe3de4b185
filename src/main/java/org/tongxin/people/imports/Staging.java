package org.tongxin.people.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.tongxin.people.internal.Persons;

/**
 * The staging table of one import: a temporary table created inside the import's transaction and
 * dropped at its end. Temporary rather than an UNLOGGED table keyed by job: commit, rollback and a crash
 * all discard it with no clean-up, a second attempt after a crash cannot meet the first attempt's rows,
 * concurrent imports never see each other's, and nothing is written to the WAL. Rows arrive by COPY.
 */
final class Staging implements AutoCloseable {

	static final String CREATE = """
			create temporary table people_import_row (
			    row_no            int not null,
			    unit_id           bigint not null,
    unit_given        boolean not null,
			    region_code       char(6) not null,
			    place             text not null,
			    name              text not null,
			    sex               char(1) not null,
			    birth_date        date,
			    ethnicity         text,
			    id_cipher         bytea,
			    id_hash           bytea,
			    id_masked         text,
			    phone_cipher      bytea,
			    phone_hash        bytea,
			    phone_suffix_hash bytea,
			    phone_masked      text,
			    email_cipher      bytea,
			    education         text,
			    affiliation       text,
			    party             text,
			    religion_cipher   bytea,
			    group_code        text not null,
			    subgroup          text,
			    employer          text,
			    position          text,
			    sector            text,
			    address_cipher    bytea,
			    tags              text[] not null,
			    notes             text,
			    consent           boolean not null,
			    failed            boolean not null default false,
			    person_id         bigint,
			    action            text
			) on commit drop;
			create temporary table people_import_error (
			    row_no      int not null,
			    column_name text not null,
			    value       text,
			    reason      text not null,
			    argument    text
			) on commit drop""";

	private static final String COPY = """
			copy people_import_row (row_no, unit_id, unit_given, region_code, place, name, sex, birth_date, ethnicity, id_cipher,
			    id_hash, id_masked, phone_cipher, phone_hash, phone_suffix_hash, phone_masked, email_cipher, education,
			    affiliation, party, religion_cipher, group_code, subgroup, employer, position, sector, address_cipher, tags,
			    notes, consent)
			from stdin""";

	private static final int FLUSH_CHARS = 1 << 18;

	private static final HexFormat HEX = HexFormat.of();

	private final CopyIn copy;

	private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 8192);

	private long rows;

	Staging(Connection connection) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
	}

	void add(CleanRow r) {
		field(Integer.toString(r.row()));
		field(Long.toString(r.unitId()));
		field(r.unitGiven() ? "t" : "f");
		field(r.regionCode());
		field(r.place());
		field(r.name());
		field(r.sex());
		field(r.birthDate() == null ? null : r.birthDate().toString());
		field(r.ethnicity());
		bytes(r.idCipher());
		bytes(r.idHash());
		field(r.idMasked());
		bytes(r.phoneCipher());
		bytes(r.phoneHash());
		bytes(r.phoneSuffixHash());
		field(r.phoneMasked());
		bytes(r.emailCipher());
		field(r.education());
		field(r.affiliation());
		field(r.party());
		bytes(r.religionCipher());
		field(r.group());
		field(r.subgroup());
		field(r.employer());
		field(r.position());
		field(r.sector());
		bytes(r.addressCipher());
		field(Persons.arrayLiteral(r.tags()));
		field(r.notes());
		buffer.append(r.consent() ? 't' : 'f').append('\n');
		rows++;
		if (buffer.length() >= FLUSH_CHARS) {
			flush();
		}
	}

	long rows() {
		return rows;
	}

	/** Ends the COPY; without it, {@link #close()} cancels it. */
	void finish() throws SQLException {
		flush();
		copy.endCopy();
	}

	@Override
	public void close() throws SQLException {
		if (copy.isActive()) {
			copy.cancelCopy();
		}
	}

	private void field(@Nullable String value) {
		buffer.append(value == null ? "\\N" : escaped(value)).append('\t');
	}

	private void bytes(byte @Nullable [] value) {
		if (value == null) {
			buffer.append("\\N\t");
		}
		else {
			buffer.append("\\\\x").append(HEX.formatHex(value)).append('\t');
		}
	}

	private static String escaped(String value) {
		if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	private void flush() {
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		try {
			copy.writeToCopy(bytes, 0, bytes.length);
		}
		catch (SQLException e) {
			throw new IllegalStateException("COPY into the staging table failed", e);
		}
		buffer.setLength(0);
	}
}
