package org.frontline.testing;

import java.time.Instant;
import java.util.List;

/** A round to plan: its name, the area codes in scope, when it runs and the default pool size (1, 10 or 20). */
public record NewRound(String name, List<String> areas, Instant startsAt, Instant endsAt, Integer poolSize) {
}
