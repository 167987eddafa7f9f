package org.frontline.security;

import java.time.Instant;

/** A stored token without its secret. */
public record TokenInfo(long id, String username, String kind, String label, Instant createdAt, Instant expiresAt,
		Instant revokedAt) {
}
