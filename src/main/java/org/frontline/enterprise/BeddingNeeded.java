package org.frontline.enterprise;

import java.time.Instant;

/** Bedding sets a loop asked for (staff living on site without one), for the supplies module to turn into a request. */
public record BeddingNeeded(long requestId, long loopId, long enterpriseId, String area, int sets, Instant neededBy,
		Instant at) {
}
