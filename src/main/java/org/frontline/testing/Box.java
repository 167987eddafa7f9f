package org.frontline.testing;

import java.time.Instant;
import java.util.List;

/** A transport box: packed at a site, handed to a courier, received by a lab; tubes missing or extra are flagged. */
public record Box(long id, String code, long siteId, BoxStatus status, Instant packedAt, String packedBy, String courier,
		Instant dispatchedAt, String dispatchedBy, Long labId, Instant receivedAt, String receivedBy,
		List<String> tubes, List<String> missing, List<String> extra) {
}
