package org.frontline.security;

import java.time.Instant;

/** A bearer token as handed out once; only its hash is stored. */
public record IssuedToken(long id, String token, Instant expiresAt) {
}
