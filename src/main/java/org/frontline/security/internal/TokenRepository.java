package org.frontline.security.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.frontline.security.TokenInfo;
import org.frontline.security.UserAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TokenRepository {

	private final JdbcClient jdbc;

	private final UserRepository users;

	TokenRepository(JdbcClient jdbc, UserRepository users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	public long insert(byte[] hash, long userId, String kind, String label, Instant createdAt, Instant expiresAt) {
		return jdbc.sql("""
				INSERT INTO security_token (token_hash, user_id, kind, label, created_at, expires_at)
				VALUES (:hash, :userId, :kind, :label, :createdAt, :expiresAt) RETURNING id
				""")
			.param("hash", hash)
			.param("userId", userId)
			.param("kind", kind)
			.param("label", label)
			.param("createdAt", Timestamp.from(createdAt))
			.param("expiresAt", Timestamp.from(expiresAt))
			.query(Long.class)
			.single();
	}

	/** The enabled user a live (unexpired, unrevoked) token belongs to. */
	public Optional<UserAccount> userOfLiveToken(byte[] hash, Instant now) {
		return jdbc.sql("""
				SELECT u.* FROM security_token t JOIN security_user u ON u.id = t.user_id
				WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now AND u.enabled
				""")
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> users.account(rs))
			.optional();
	}

	public boolean revoke(long id, Instant at) {
		return jdbc.sql("UPDATE security_token SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() == 1;
	}

	public List<TokenInfo> all() {
		return jdbc.sql("""
				SELECT t.*, u.username FROM security_token t JOIN security_user u ON u.id = t.user_id
				WHERE t.kind = 'DEVICE' ORDER BY t.id DESC
				""")
			.query((rs, n) -> new TokenInfo(rs.getLong("id"), rs.getString("username"), rs.getString("kind"),
					rs.getString("label"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("expires_at").toInstant(),
					rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()))
			.list();
	}
}
