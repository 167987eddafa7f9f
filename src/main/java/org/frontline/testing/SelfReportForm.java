package org.frontline.testing;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A resident who came forward, as their community worker records it: the resident's ID number, why, a note. The
 * client id makes a resent form the same report.
 */
public record SelfReportForm(@NotNull UUID clientId, @NotBlank @Size(max = 18) String idNumber,
		@NotNull SelfReportKind kind, @Size(max = 200) String note) {
}
