package org.frontline.quarantine;

import java.time.Instant;
import java.util.List;

/**
 * Something abnormal about a person in quarantine (fever, positive test, alarming symptom), open until closed with
 * an outcome; it escalates one level each time its acknowledgement deadline passes.
 */
public record Anomaly(long id, long stayId, long facilityId, String facility, String room, String name,
		List<String> reasons, Instant openedAt, String status, int level, Instant ackDeadline, Instant acknowledgedAt,
		String acknowledgedBy, Instant closedAt, String closedBy, String outcome, List<AnomalyStep> steps) {
}
