package org.tongxin.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tongxin.platform.audit.AuditChain;
import org.tongxin.platform.audit.AuditRedactions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only, hash-chained audit log. Every module records its creates, updates, deletes and
 * reveals of sensitive data here, inside the transaction of the change itself, so an entry exists
 * exactly when the change happened. Changes of records are kept as {@link FieldChanges}: the names of the
 * changed fields, and values only of the fields that are not personal ({@link AuditFields}). The chain is
 * keyed ({@link AuditChain}); see docs/decisions/0006.
 */
@Service
@Transactional
public class AuditLog {

	/** Serialises writers: each entry needs the hash of the one before it. */
	private static final long CHAIN_LOCK = 7_319_886L;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final JsonMapper json;

	private final AuditChain chain;

	AuditLog(JdbcClient jdbc, CurrentUser currentUser, JsonMapper json, AuditChain chain) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.json = json;
		this.chain = chain;
	}

	/**
	 * A record created: the names of its fields, with their values only where {@code values} allows
	 * ({@link FieldChanges}).
	 */
	public void created(String objectType, Object objectId, Object after, AuditFields values) {
		changed(Action.CREATE, objectType, objectId, changes(null, after, values), null);
	}

	/** A record without personal data created (sites, projects, dictionary entries): every value is kept. */
	public void created(String objectType, Object objectId, Object after) {
		created(objectType, objectId, after, AuditFields.ALL);
	}

	/** A record changed: the names of the changed fields, with old and new values only where {@code values} allows. */
	public void updated(String objectType, Object objectId, Object before, Object after, AuditFields values) {
		changed(Action.UPDATE, objectType, objectId, changes(before, after, values), null);
	}

	/** A record without personal data changed: every changed value is kept. */
	public void updated(String objectType, Object objectId, Object before, Object after) {
		updated(objectType, objectId, before, after, AuditFields.ALL);
	}

	public void deleted(String objectType, Object objectId, Object before, AuditFields values) {
		changed(Action.DELETE, objectType, objectId, changes(before, null, values), null);
	}

	public void deleted(String objectType, Object objectId, Object before) {
		deleted(objectType, objectId, before, AuditFields.ALL);
	}

	/** An entry whose detail is {@code {"changes": …}}, with the action and reason the caller names. */
	public void changed(String action, String objectType, Object objectId, FieldChanges changes,
			@Nullable String reason) {
		record(action, objectType, objectId, Map.of("changes", changes.fields()), reason);
	}

	/**
	 * The changes between two snapshots (records, maps or any object Jackson writes as a JSON object;
	 * null for none), compared field by field.
	 */
	public FieldChanges changes(@Nullable Object before, @Nullable Object after, AuditFields values) {
		return FieldChanges.between(snapshot(before), snapshot(after), values);
	}

	/** The changes between two snapshots, recording the personal fields' names only. */
	public FieldChanges changes(@Nullable Map<String, ?> before, @Nullable Map<String, ?> after,
			Set<String> personalFields) {
		return changes(before, after, AuditFields.personal(personalFields));
	}

	@SuppressWarnings("unchecked")
	private @Nullable Map<String, ?> snapshot(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		Object tree = json.convertValue(value, Object.class);
		return tree instanceof Map<?, ?> map ? (Map<String, ?>) map : Map.of("value", tree);
	}

	/** A sensitive field shown in clear, with the reason the user gave. */
	public void revealed(String objectType, Object objectId, String field, String reason) {
		record(Action.REVEAL, objectType, objectId, Map.of("field", field), reason);
	}

	/** An entry by the signed-in user. */
	public void record(String action, @Nullable String objectType, @Nullable Object objectId, @Nullable Object detail,
			@Nullable String reason) {
		Actor actor = currentUser.actor();
		append(actor.username(), actor.unit(), action, objectType, objectId, detail, reason);
	}

	/** An entry for a named actor who may not be signed in (a failed login, a system job). */
	public void append(String actor, @Nullable UnitId actorUnit, String action, @Nullable String objectType,
			@Nullable Object objectId, @Nullable Object detail, @Nullable String reason) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 1).list();
		Optional<String[]> last = jdbc.sql("select hash, chain_alg from platform_audit_log order by id desc limit 1")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
		if (last.isPresent() && AuditChain.UNKEYED.equals(last.get()[1])) {
			// The first keyed entry: the entries redacted before it get their keyed seal now, once.
			AuditRedactions.seal(jdbc, chain);
		}
		String prev = last.map(l -> l[0])
			.or(() -> jdbc.sql("select last_hash from platform_audit_anchor").query(String.class).optional())
			.orElse(AuditChain.GENESIS);
		// PostgreSQL keeps microseconds; hash exactly what is stored.
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Long unit = actorUnit == null ? null : actorUnit.value();
		String object = objectId == null ? null : objectId.toString();
		String detailJson = detail == null ? null : json.writeValueAsString(detail);
		String ip = clientAddress();
		String algorithm = chain.algorithm();
		String hash = chain.hash(algorithm, prev, at, actor, unit, action, objectType, object, detailJson, reason, ip);
		jdbc.sql("""
				insert into platform_audit_log
				    (at, actor, actor_unit, action, object_type, object_id, detail, reason, ip, prev_hash, hash, chain_alg)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(java.sql.Timestamp.from(at), actor, unit, action, objectType, object, detailJson, reason, ip, prev,
					hash, algorithm)
			.update();
	}

	private static @Nullable String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	/** Action names as stored; the audit screen translates them through messages (audit.action.*). */
	public static final class Action {

		public static final String LOGIN = "LOGIN";
		public static final String LOGIN_FAILED = "LOGIN_FAILED";
		public static final String LOCKED = "LOCKED";
		public static final String LOGOUT = "LOGOUT";
		public static final String CREATE = "CREATE";
		public static final String UPDATE = "UPDATE";
		public static final String DELETE = "DELETE";
		public static final String REVEAL = "REVEAL";
		public static final String EXPORT = "EXPORT";
		public static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";
		public static final String MFA_ENROLLED = "MFA_ENROLLED";
		public static final String MFA_FAILED = "MFA_FAILED";
		public static final String OVERRIDE = "OVERRIDE";

		private Action() {
		}
	}
}
