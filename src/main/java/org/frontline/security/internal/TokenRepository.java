package org.frontline.security.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.frontline.security.TokenInfo;
import org.frontline.security.UserAccount;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bearer tokens, stored as their hashes. The user behind a live token is remembered for a few seconds
 * ({@code frontline.security.token-cache-seconds}), so a device posting scans costs no database round trip per
 * request; a revocation or a disabled user on this instance clears it at once, on another instance within that time.
 */
@Repository
public class TokenRepository {

	private final JdbcClient jdbc;

	private final UserRepository users;

	private final Cache<String, LiveToken> live;

	private record LiveToken(UserAccount user, Instant expiresAt) {
	}

	TokenRepository(JdbcClient jdbc, UserRepository users,
			@Value("${frontline.security.token-cache-seconds:3}") int cacheSeconds) {
		this.jdbc = jdbc;
		this.users = users;
		this.live = Caffeine.newBuilder()
			.maximumSize(cacheSeconds > 0 ? 50_000 : 0)
			.expireAfterWrite(Duration.ofSeconds(Math.max(1, cacheSeconds)))
			.build();
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
		String key = HexFormat.of().formatHex(hash);
		LiveToken known = live.getIfPresent(key);
		if (known != null && known.expiresAt().isAfter(now)) {
			return Optional.of(known.user());
		}
		Optional<LiveToken> found = jdbc.sql("""
				SELECT u.*, t.expires_at AS token_expires_at
				FROM security_token t JOIN security_user u ON u.id = t.user_id
				WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now AND u.enabled
				""")
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new LiveToken(users.account(rs), rs.getTimestamp("token_expires_at").toInstant()))
			.optional();
		found.ifPresent(token -> live.put(key, token));
		return found.map(LiveToken::user);
	}

	/** Revokes a live token whose user's scope lies in {@code [low, high)}. */
	public boolean revoke(long id, String low, String high, Instant at) {
		boolean revoked = jdbc.sql("""
				UPDATE security_token t SET revoked_at = :at FROM security_user u
				WHERE t.id = :id AND t.revoked_at IS NULL AND u.id = t.user_id
				  AND u.scope_area >= :low AND u.scope_area < :high
				""")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("low", low)
			.param("high", high)
			.update() == 1;
		forgetLiveTokens();
		return revoked;
	}

	/** Revokes the live tokens a user got by signing in with their password (not their device tokens). */
	public int revokeSignInTokensOf(long userId, Instant at) {
		int revoked = jdbc.sql("""
				UPDATE security_token SET revoked_at = :at
				WHERE user_id = :userId AND kind = 'SESSION' AND revoked_at IS NULL AND expires_at > :at
				""")
			.param("at", Timestamp.from(at))
			.param("userId", userId)
			.update();
		forgetLiveTokens();
		return revoked;
	}

	/** Forgets every remembered token now and again after the current transaction commits (a revocation, a user disabled). */
	public void forgetLiveTokens() {
		live.invalidateAll();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					live.invalidateAll();
				}
			});
		}
	}

	/** The live (unrevoked, unexpired) tokens of one user, newest first. */
	public List<TokenInfo> liveTokensOf(long userId, Instant now) {
		return jdbc.sql("""
				SELECT t.*, u.username FROM security_token t JOIN security_user u ON u.id = t.user_id
				WHERE t.user_id = :userId AND t.revoked_at IS NULL AND t.expires_at > :now ORDER BY t.id DESC
				""")
			.param("userId", userId)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> info(rs))
			.list();
	}

	/** Revokes a live token of this user. */
	public boolean revokeOwn(long id, long userId, Instant at) {
		boolean revoked = jdbc.sql("""
				UPDATE security_token SET revoked_at = :at WHERE id = :id AND user_id = :userId AND revoked_at IS NULL
				""")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("userId", userId)
			.update() == 1;
		forgetLiveTokens();
		return revoked;
	}

	/** Device tokens of the users whose scope lies in {@code [low, high)}, newest first. */
	public List<TokenInfo> deviceTokens(String low, String high) {
		return jdbc.sql("""
				SELECT t.*, u.username FROM security_token t JOIN security_user u ON u.id = t.user_id
				WHERE t.kind = 'DEVICE' AND u.scope_area >= :low AND u.scope_area < :high ORDER BY t.id DESC
				""")
			.param("low", low)
			.param("high", high)
			.query((rs, n) -> info(rs))
			.list();
	}

	private static TokenInfo info(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new TokenInfo(rs.getLong("id"), rs.getString("username"), rs.getString("kind"), rs.getString("label"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
				rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant());
	}
}
