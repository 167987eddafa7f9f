package org.frontline.quarantine;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The community's check that the home meets the "single person, single suite" (单人单套) condition. */
public record HomeCheck(
		@NotNull @Pattern(regexp = "(?i)\\s*(PASS|FAIL)\\s*", message = "{quarantine.home-check.result}") String result,
		@NotBlank @Size(max = 50) String inspector, @Size(max = 500) String note) {
}
