package org.frontline.quarantine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

/** What staff record for a person at one time: any of temperature, symptoms, antigen, nucleic-acid sample/result. */
public record ObservationForm(Instant at,
		@DecimalMin(value = "34.0", message = "{quarantine.observation.temperature}")
		@DecimalMax(value = "43.0", message = "{quarantine.observation.temperature}")
		@Digits(integer = 2, fraction = 1) BigDecimal temperature,
		List<Symptom> symptoms, TestResult antigen, Boolean natSampled, TestResult natResult,
		@Size(max = 500) String note, @Size(max = 100) String requestId) {
}
