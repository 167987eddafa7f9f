package org.frontline.enterprise;

import java.time.Instant;

/** A person leaving a loop: why, and when (now when not given). */
public record Leaving(Long personId, String reason, Instant at) {
}
