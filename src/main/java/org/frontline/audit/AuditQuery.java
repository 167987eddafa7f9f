package org.frontline.audit;

import java.time.Instant;

/** A filter on the audit log; null fields match everything. */
public record AuditQuery(String username, String action, Instant since, String recordType, String recordId,
		int page, int size) {
}
