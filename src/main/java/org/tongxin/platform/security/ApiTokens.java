package org.tongxin.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Personal API tokens ("Authorization: Bearer tx_…"). The secret is shown once at creation; only its
 * SHA-256 is stored, so a copy of the database does not hand out working tokens.
 */
@Repository
public class ApiTokens {

	public static final String PREFIX = "tx_";

	private static final int SHOWN_PREFIX = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Token(long id, String name, String prefix, Instant createdAt, @Nullable Instant expiresAt,
			@Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

		public boolean active(Instant now) {
			return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
		}
	}

	public record Issued(long id, String secret) {

		/** The part of the secret kept in clear, to tell tokens apart in lists and in the audit log. */
		public String prefix() {
			return secret.substring(0, SHOWN_PREFIX);
		}
	}

	public Issued issue(long accountId, String name, @Nullable Instant expiresAt) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		long id = jdbc.sql("""
				insert into platform_api_token (account_id, name, token_hash, prefix, expires_at)
				values (?, ?, ?, ?, ?) returning id""")
			.params(accountId, name, sha256(secret), secret.substring(0, SHOWN_PREFIX),
					expiresAt == null ? null : java.sql.Timestamp.from(expiresAt))
			.query(Long.class)
			.single();
		return new Issued(id, secret);
	}

	public List<Token> ofAccount(long accountId) {
		return jdbc.sql("""
				select id, name, prefix, created_at, expires_at, last_used_at, revoked_at
				from platform_api_token where account_id = ? order by id desc""")
			.param(accountId)
			.query((rs, n) -> new Token(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
					rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("expires_at")),
					instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
			.list();
	}

	public boolean revoke(long accountId, long tokenId) {
		return jdbc.sql("update platform_api_token set revoked_at = now() where id = ? and account_id = ? and revoked_at is null")
			.params(tokenId, accountId)
			.update() == 1;
	}

	/**
	 * Revokes every active token of the account: on disabling, a password reset or change.
	 *
	 * @return how many tokens were revoked
	 */
	public int revokeAll(long accountId) {
		return jdbc.sql("update platform_api_token set revoked_at = now() where account_id = ? and revoked_at is null")
			.param(accountId)
			.update();
	}

	/** The account behind an active token; marks the token used (at most once a minute, to spare writes). */
	Optional<String> usernameFor(String secret) {
		Optional<String> username = jdbc.sql("""
				select a.username from platform_api_token t join platform_account a on a.id = t.account_id
				where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
				  and a.enabled""")
			.param(sha256(secret))
			.query(String.class)
			.optional();
		username.ifPresent(u -> jdbc.sql("""
				update platform_api_token set last_used_at = now()
				where token_hash = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
			.param(sha256(secret))
			.update());
		return username;
	}

	private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static String sha256(String value) {
		try {
			return java.util.HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
