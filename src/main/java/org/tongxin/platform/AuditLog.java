package org.tongxin.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tongxin.platform.audit.AuditChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only, hash-chained audit log. Every module records its creates, updates, deletes and
 * reveals of sensitive data here, inside the transaction of the change itself, so an entry exists
 * exactly when the change happened.
 */
@Service
@Transactional
public class AuditLog {

	/** Serialises writers: each entry needs the hash of the one before it. */
	private static final long CHAIN_LOCK = 7_319_886L;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, CurrentUser currentUser, JsonMapper json) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.json = json;
	}

	public void created(String objectType, Object objectId, Object after) {
		record(Action.CREATE, objectType, objectId, Map.of("after", after), null);
	}

	public void updated(String objectType, Object objectId, Object before, Object after) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("before", before);
		detail.put("after", after);
		record(Action.UPDATE, objectType, objectId, detail, null);
	}

	public void deleted(String objectType, Object objectId, Object before) {
		record(Action.DELETE, objectType, objectId, Map.of("before", before), null);
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
		String prev = jdbc.sql("select hash from platform_audit_log order by id desc limit 1")
			.query(String.class)
			.optional()
			.or(() -> jdbc.sql("select last_hash from platform_audit_anchor").query(String.class).optional())
			.orElse(AuditChain.GENESIS);
		// PostgreSQL keeps microseconds; hash exactly what is stored.
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Long unit = actorUnit == null ? null : actorUnit.value();
		String object = objectId == null ? null : objectId.toString();
		String detailJson = detail == null ? null : json.writeValueAsString(detail);
		String ip = clientAddress();
		String hash = AuditChain.hash(prev, at, actor, unit, action, objectType, object, detailJson, reason, ip);
		jdbc.sql("""
				insert into platform_audit_log
				    (at, actor, actor_unit, action, object_type, object_id, detail, reason, ip, prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(java.sql.Timestamp.from(at), actor, unit, action, objectType, object, detailJson, reason, ip, prev,
					hash)
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
