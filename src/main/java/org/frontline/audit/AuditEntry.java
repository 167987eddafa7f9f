package org.frontline.audit;

import java.time.Instant;

/** One line of the audit log. */
public record AuditEntry(long id, Instant at, String username, String action, String recordType, String recordId,
		String detail, String remoteAddress) {
}
