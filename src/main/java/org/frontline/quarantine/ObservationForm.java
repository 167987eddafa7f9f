package org.frontline.quarantine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What staff record for a person at one time: any of temperature, symptoms, antigen, nucleic-acid sample/result. */
public record ObservationForm(Instant at, BigDecimal temperature, List<Symptom> symptoms, TestResult antigen,
		Boolean natSampled, TestResult natResult, String note, String requestId) {
}
