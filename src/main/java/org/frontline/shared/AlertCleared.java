package org.frontline.shared;

import java.time.Instant;

/** What an {@link AlertRaised} was about is resolved by the module that raised it (the report came, the gap closed). */
public record AlertCleared(String source, String key, Instant at) {
}
