package org.tongxin.platform.accounts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.LikePatterns;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.crypto.FieldCipher;

/** The accounts table and its roles. */
@Repository
public class Accounts {

	private static final String SELECT = """
			select a.*, u.name as unit_name, u.path::text as unit_path,
			       array(select r.role from platform_account_role r where r.account_id = a.id order by r.role) as roles,
			       array(select distinct p.permission from platform_account_role r
			             join platform_role_permission p on p.role = r.role where r.account_id = a.id) as permissions,
			       exists (select 1 from platform_account_role r join platform_role_permission p on p.role = r.role
			               where r.account_id = a.id and p.permission in (select permission from platform_role_permission
			                     where role in ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'))) as administrator
			from platform_account a join platform_unit u on u.id = a.unit_id
			""";

	/** Search by user name or display name; a null query matches every account. */
	private static final String MATCHES = """
			(cast(:q as text) is null or a.username ilike :q or a.display_name ilike :q)""";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	Accounts(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	public Optional<Account> findByUsername(String username) {
		return jdbc.sql(SELECT + " where a.username = ?").param(username).query(this::map).optional();
	}

	public Optional<Account> findById(long id) {
		return jdbc.sql(SELECT + " where a.id = ?").param(id).query(this::map).optional();
	}

	/** An account, only when its unit lies within the scope: what a security administrator may open. */
	public Optional<Account> findById(DataScope scope, long id) {
		return scope.bind(jdbc.sql(SELECT + " where a.id = :id and " + scope.restrict("a.unit_id")))
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/** Accounts of the security administrator's scope, newest first, keyset-paged by id. */
	public List<Account> page(DataScope scope, @Nullable String query, @Nullable Long before, int size) {
		return scope
			.bind(jdbc.sql(SELECT + " where " + scope.restrict("a.unit_id") + " and " + MATCHES
					+ " and (cast(:before as bigint) is null or a.id < :before) order by a.id desc limit :size"))
			.param("q", LikePatterns.containing(query))
			.param("before", before)
			.param("size", size)
			.query(this::map)
			.list();
	}

	/** How many accounts of the scope match the query: the total shown above the paged list. */
	public long count(DataScope scope, @Nullable String query) {
		return scope
			.bind(jdbc.sql("select count(*) from platform_account a where " + scope.restrict("a.unit_id") + " and "
					+ MATCHES))
			.param("q", LikePatterns.containing(query))
			.query(Long.class)
			.single();
	}

	/** Whether the account may still use its sessions: it exists, is enabled and not locked. */
	public boolean isActive(long id) {
		return jdbc.sql("""
				select enabled and (locked_until is null or locked_until <= now()) from platform_account where id = ?""")
			.param(id)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	public boolean exists(String username) {
		return jdbc.sql("select exists (select 1 from platform_account where username = ?)")
			.param(username)
			.query(Boolean.class)
			.single();
	}

	public boolean any() {
		return jdbc.sql("select exists (select 1 from platform_account)").query(Boolean.class).single();
	}

	@Transactional
	public long create(String username, String displayName, UnitId unit, String passwordHash,
			boolean mustChangePassword, Set<String> roles) {
		long id = jdbc.sql("""
				insert into platform_account (username, display_name, unit_id, password_hash, must_change_password)
				values (?, ?, ?, ?, ?) returning id""")
			.params(username, displayName, unit.value(), passwordHash, mustChangePassword)
			.query(Long.class)
			.single();
		setRoles(id, roles);
		if (!mustChangePassword) {
			remember(id, passwordHash);
		}
		return id;
	}

	@Transactional
	public void update(long id, String displayName, UnitId unit, boolean enabled, Set<String> roles) {
		jdbc.sql("update platform_account set display_name = ?, unit_id = ?, enabled = ? where id = ?")
			.params(displayName, unit.value(), enabled, id)
			.update();
		setRoles(id, roles);
	}

	private void setRoles(long id, Set<String> roles) {
		jdbc.sql("delete from platform_account_role where account_id = ?").param(id).update();
		for (String role : roles) {
			jdbc.sql("insert into platform_account_role (account_id, role) values (?, ?)").params(id, role).update();
		}
	}

	/**
	 * Counts a failed sign-in; the attempt that reaches {@code maxAttempts} locks the account for
	 * {@code lockFor} and starts the count again. Failures while the account is locked do not count, so that
	 * guessing on does not stretch the lock.
	 *
	 * @return whether this failure locked the account
	 */
	public boolean recordFailure(String username, int maxAttempts, Duration lockFor) {
		return jdbc.sql("""
				update platform_account
				   set failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end,
				       locked_until = case when failed_attempts + 1 >= :max then now() + make_interval(secs => :seconds)
				                           else locked_until end
				 where username = :username and (locked_until is null or locked_until <= now())
				returning locked_until is not null and locked_until > now()""")
			.param("max", maxAttempts)
			.param("seconds", lockFor.toSeconds())
			.param("username", username)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	public void recordSuccess(long id) {
		jdbc.sql("update platform_account set failed_attempts = 0, locked_until = null, last_login_at = now() where id = ?")
			.param(id)
			.update();
	}

	/** Starts the failure count again without touching a lock: a second factor passed after the password. */
	public void clearFailures(long id) {
		jdbc.sql("update platform_account set failed_attempts = 0 where id = ?").param(id).update();
	}

	public void unlock(long id) {
		jdbc.sql("update platform_account set failed_attempts = 0, locked_until = null where id = ?").param(id).update();
	}

	@Transactional
	public void changePassword(long id, String passwordHash, boolean mustChange) {
		jdbc.sql("""
				update platform_account set password_hash = ?, password_changed_at = now(), must_change_password = ?
				where id = ?""").params(passwordHash, mustChange, id).update();
		if (!mustChange) {
			remember(id, passwordHash);
		}
	}

	/** How many passwords an account chose itself are remembered; a new one must differ from all of them. */
	public static final int PASSWORD_HISTORY = 5;

	/** The hashes of the account's last {@value #PASSWORD_HISTORY} self-chosen passwords, newest first. */
	public List<String> passwordHistory(long id) {
		return jdbc.sql("""
				select password_hash from platform_password_history where account_id = ? order by id desc limit ?""")
			.params(id, PASSWORD_HISTORY)
			.query(String.class)
			.list();
	}

	private void remember(long id, String passwordHash) {
		jdbc.sql("insert into platform_password_history (account_id, password_hash) values (?, ?)")
			.params(id, passwordHash)
			.update();
		jdbc.sql("""
				delete from platform_password_history where account_id = :id and id not in
				  (select id from platform_password_history where account_id = :id order by id desc limit :keep)""")
			.param("id", id)
			.param("keep", PASSWORD_HISTORY)
			.update();
	}

	public void updateLocale(long id, String locale) {
		jdbc.sql("update platform_account set locale = ? where id = ?").params(locale, id).update();
	}

	public void storeTotpSecret(long id, String secret) {
		jdbc.sql("update platform_account set totp_secret = ?, totp_enabled = false where id = ?")
			.params(Base64.getEncoder().encodeToString(cipher.encrypt(secret)), id)
			.update();
	}

	/**
	 * Records a TOTP time step as used, atomically: false when this step or a later one was already used,
	 * so a code seen over someone's shoulder, or replayed, does not sign in a second time.
	 */
	public boolean useTotpStep(long id, long step) {
		return jdbc.sql("""
				update platform_account set totp_last_step = :step
				where id = :id and (totp_last_step is null or totp_last_step < :step)""")
			.param("step", step)
			.param("id", id)
			.update() == 1;
	}

	/** Forgets the enrolled authenticator: the next sign-in enrols a new one. */
	public void resetTotp(long id) {
		jdbc.sql("update platform_account set totp_secret = null, totp_enabled = false, totp_last_step = null where id = ?")
			.param(id)
			.update();
	}

	public void enableTotp(long id) {
		jdbc.sql("update platform_account set totp_enabled = true where id = ?").param(id).update();
	}

	private Account map(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				new UnitId(rs.getLong("unit_id")), rs.getString("unit_name"), rs.getString("unit_path"),
				rs.getString("password_hash"), rs.getTimestamp("password_changed_at").toInstant(),
				rs.getBoolean("must_change_password"), rs.getInt("failed_attempts"),
				instant(rs.getTimestamp("locked_until")), totpSecret(rs.getString("totp_secret")), rs.getBoolean("totp_enabled"),
				rs.getString("locale"), rs.getBoolean("enabled"), instant(rs.getTimestamp("last_login_at")),
				strings(rs.getArray("roles")), strings(rs.getArray("permissions")), rs.getBoolean("administrator"));
	}

	/** TOTP secrets are kept encrypted like any other secret that would let someone sign in. */
	private @Nullable String totpSecret(@Nullable String stored) {
		return stored == null ? null : cipher.decrypt(Base64.getDecoder().decode(stored));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static Set<String> strings(Array array) throws SQLException {
		return new TreeSet<>(Arrays.asList((String[]) array.getArray()));
	}
}
