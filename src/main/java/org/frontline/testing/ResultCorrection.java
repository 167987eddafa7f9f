package org.frontline.testing;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A corrected result for a tube and why it was corrected. */
public record ResultCorrection(String outcome,
		@DecimalMin(value = "0", message = "{testing.result.ct}")
		@DecimalMax(value = "50", message = "{testing.result.ct}") BigDecimal ctOrf1ab,
		@DecimalMin(value = "0", message = "{testing.result.ct}")
		@DecimalMax(value = "50", message = "{testing.result.ct}") BigDecimal ctN,
		@NotBlank @Size(max = 500) String reason) {
}
