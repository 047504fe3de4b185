package org.tongxin.platform.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.UnitId;

/**
 * What the audit tests do to the shared database: append entries, and act as an attacker with database
 * access would, past the append-only trigger. Everything an attack changes is rolled back or put back,
 * so the other tests sharing the database still find an intact chain.
 */
public final class ChainFixtures {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	public ChainFixtures(JdbcClient jdbc, AuditLog audit, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Appends an entry as a module would and returns its id. */
	public long append(String objectType, String name) {
		audit.append("chengdu", new UnitId(510100), AuditLog.Action.CREATE, objectType, name,
				Map.of("after", Map.of("name", name)), null);
		return lastId();
	}

	public long lastId() {
		return jdbc.sql("select max(id) from platform_audit_log").query(Long.class).single();
	}

	public AuditEntry entry(long id) {
		return jdbc.sql("select " + AuditTrail.COLUMNS + " from platform_audit_log where id = ?")
			.param(id)
			.query(AuditTrail::map)
			.single();
	}

	/** Runs the work in a transaction that is always rolled back. */
	public void rolledBack(Runnable work) {
		transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			work.run();
		});
	}

	/** Runs SQL with the append-only trigger switched off, inside the caller's transaction if there is one. */
	public void pastTheTrigger(Runnable sql) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("alter table platform_audit_log disable trigger platform_audit_log_append_only").update();
			sql.run();
			jdbc.sql("alter table platform_audit_log enable trigger platform_audit_log_append_only").update();
		});
	}

	/**
	 * Changes an entry's detail for real (committed, as an attacker would leave it) until closed, then
	 * puts the original back.
	 */
	public Tampering tamper(long id, String detail) {
		String original = entry(id).detail();
		pastTheTrigger(() -> setDetail(id, detail));
		return () -> pastTheTrigger(() -> setDetail(id, original));
	}

	private void setDetail(long id, String detail) {
		jdbc.sql("update platform_audit_log set detail = ? where id = ?").params(detail, id).update();
	}

	/**
	 * Runs the work with the anchor file set aside (for work on a stand-in log whose entries the real
	 * anchors do not name), then puts it back as it was.
	 */
	public static void withoutAnchors(AuditAnchors anchors, Runnable work) {
		Path file = anchors.file();
		Path aside = file.resolveSibling(file.getFileName() + ".aside");
		try {
			boolean existed = Files.exists(file);
			if (existed) {
				Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
			}
			try {
				work.run();
			}
			finally {
				Files.deleteIfExists(file);
				if (existed) {
					Files.move(aside, file);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Runs the work (which may append to the anchor file, as an attacker would), then restores the file's content. */
	public static void restoringAnchors(AuditAnchors anchors, Runnable work) {
		Path file = anchors.file();
		try {
			byte[] before = Files.exists(file) ? Files.readAllBytes(file) : null;
			try {
				work.run();
			}
			finally {
				if (before == null) {
					Files.deleteIfExists(file);
				}
				else {
					Files.write(file, before);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public interface Tampering extends AutoCloseable {

		@Override
		void close();
	}
}
