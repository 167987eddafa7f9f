package org.frontline.testing;

import java.time.Instant;
import java.util.List;

/** A full-population testing round over one or more areas, with the default pool size of its tubes. */
public record Round(long id, String name, List<String> areas, Instant startsAt, Instant endsAt, int poolSize,
		RoundStatus status) {
}
