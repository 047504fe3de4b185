package org.tongxin.platform.crypto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.platform.crypto.EncryptedTable.DerivedHash;
import org.tongxin.platform.crypto.EncryptedTable.EncryptedColumn;
import org.tongxin.platform.jobs.JobContext;
import org.tongxin.platform.jobs.JobHandler;

/**
 * The background job that moves every declared encrypted value ({@link EncryptedTable}) to the current suite
 * and active key, and recomputes the keyed hashes beside it: after {@code tongxin.crypto.suite} or
 * {@code active-key} changed. It walks each column in id order, in batches of {@value #BATCH} rows, each
 * batch one transaction; a value changed by a user meanwhile is left alone (the update compares the old
 * bytes) and a value already current is skipped, so the job can be cancelled, crash and run again.
 * <p>
 * Until it has finished, exact searches (ID number, phone) miss the rows whose hashes are still of the old
 * suite; run it after a change of suite before users search again.
 */
@Component
public class ReEncryption implements JobHandler {

	public static final String KIND = "crypto-reencrypt";

	static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final FieldCipher cipher;

	private final List<EncryptedTable> tables;

	private final TransactionTemplate transactions;

	ReEncryption(JdbcTemplate jdbc, FieldCipher cipher, List<EncryptedTable> tables,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.tables = List.copyOf(tables);
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public String kind() {
		return KIND;
	}

	/** The system administrator starts the job and any system administrator may follow it. */
	@Override
	public String followPermission() {
		return PERMISSION;
	}

	/** The permission of the crypto screen ({@code /system/crypto}) and of following the job. */
	public static final String PERMISSION = "system:settings";

	/** The phase of the progress bar, a message key: one bar over all columns. */
	static final String PHASE = "crypto.reencrypt.phase";

	@Override
	public void run(JobContext context) {
		long total = outdated().stream().mapToLong(Outdated::outdated).sum();
		Map<String, Long> before = new LinkedHashMap<>();
		Map<String, Long> changed = run(tables, (column, done) -> {
			before.put(column, done);
			context.progress(PHASE, before.values().stream().mapToLong(Long::longValue).sum(), total);
		}, context::cancelled);
		context.result(Map.of("reEncrypted", changed, "suite", cipher.suite().name(), "cancelled", context.cancelled()));
	}

	/** Of one declared column: how many values it holds and how many of them are not current. */
	public record Outdated(String table, String column, long values, long outdated) {
	}

	/**
	 * Per declared column, the values not written with the current suite and active key, counted in SQL by
	 * their first bytes (see {@link FieldCipher}) instead of reading and decrypting each. The whole
	 * installation, not a data scope: the figures are counts of ciphertexts, not people data, and the job
	 * they describe re-encrypts the whole installation.
	 */
	public List<Outdated> outdated() {
		return outdated(tables);
	}

	List<Outdated> outdated(List<EncryptedTable> tables) {
		byte[] header = cipher.currentHeader();
		List<Outdated> counts = new ArrayList<>();
		for (EncryptedTable table : tables) {
			for (EncryptedColumn column : table.columns()) {
				String name = column.column();
				counts.add(jdbc.queryForObject("select count(" + name + "), count(*) filter (where " + name
						+ " is not null and (length(" + name + ") <= ? or substring(" + name + " from 1 for ?) <> ?)) from "
						+ table.table(), (rs, n) -> new Outdated(table.table(), name, rs.getLong(1), rs.getLong(2)),
						header.length, header.length, header));
			}
		}
		return counts;
	}

	/** Progress: the column ("table.column") and the rows of it re-encrypted so far. */
	interface Progress {

		void report(String column, long done);
	}

	/** @return per "table.column" the number of values re-encrypted */
	Map<String, Long> run(List<EncryptedTable> tables, Progress progress, BooleanSupplier cancelled) {
		Map<String, Long> changed = new LinkedHashMap<>();
		for (EncryptedTable table : tables) {
			for (EncryptedColumn column : table.columns()) {
				String name = table.table() + "." + column.column();
				long done = 0;
				long after = Long.MIN_VALUE;
				while (!cancelled.getAsBoolean()) {
					Batch batch = batch(table, column, after);
					done += batch.changed();
					progress.report(name, done);
					if (batch.lastId() == null) {
						break;
					}
					after = batch.lastId();
				}
				changed.put(name, done);
			}
		}
		return changed;
	}

	private record Row(long id, byte[] value) {
	}

	private record Batch(Long lastId, long changed) {
	}

	private Batch batch(EncryptedTable table, EncryptedColumn column, long after) {
		return transactions.execute(status -> {
			List<Row> rows = jdbc.query("select " + table.idColumn() + ", " + column.column() + " from " + table.table()
					+ " where " + table.idColumn() + " > ? and " + column.column() + " is not null order by "
					+ table.idColumn() + " limit " + BATCH, (rs, n) -> new Row(rs.getLong(1), rs.getBytes(2)), after);
			if (rows.isEmpty()) {
				return new Batch(null, 0);
			}
			StringBuilder set = new StringBuilder(column.column() + " = ?");
			column.hashes().forEach(hash -> set.append(", ").append(hash.column()).append(" = ?"));
			String sql = "update " + table.table() + " set " + set + " where " + table.idColumn() + " = ? and "
					+ column.column() + " = ?";
			List<Object[]> updates = new ArrayList<>();
			for (Row row : rows) {
				if (cipher.isCurrent(row.value())) {
					continue;
				}
				String plain = cipher.decrypt(row.value());
				List<Object> args = new ArrayList<>();
				args.add(cipher.encrypt(plain));
				for (DerivedHash hash : column.hashes()) {
					args.add(cipher.hash(hash.purpose(), hash.input().apply(plain)));
				}
				args.add(row.id());
				args.add(row.value());
				updates.add(args.toArray());
			}
			long changed = 0;
			for (int count : jdbc.batchUpdate(sql, updates)) {
				changed += Math.max(count, 0);
			}
			return new Batch(rows.getLast().id(), changed);
		});
	}
}
