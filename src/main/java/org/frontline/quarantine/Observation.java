package org.frontline.quarantine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A recorded observation, with the anomaly it opened if any. */
public record Observation(long id, long stayId, Instant at, LocalDate observedOn, BigDecimal temperature,
		List<Symptom> symptoms, TestResult antigen, boolean natSampled, TestResult natResult, String note,
		String recordedBy, Long anomalyId) {
}
