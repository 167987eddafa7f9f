package org.frontline.testing;

import java.time.Instant;

/**
 * A recorded self-report with the person's masked name; {@code resultTube} is the single tube whose result resolved
 * it.
 */
public record SelfReport(long id, long personId, String maskedName, String community, SelfReportKind kind,
		String note, Instant reportedAt, String recordedBy, SelfReportStatus status, Instant resolvedAt,
		String resultTube) {

	public SelfReport named(String name) {
		return new SelfReport(id, personId, name, community, kind, note, reportedAt, recordedBy, status, resolvedAt,
				resultTube);
	}
}
