package org.frontline.quarantine;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.frontline.shared.MobileNumber;

/**
 * An intake: a registered person by id, or (fast track, late at night) only name, phone, category and room, with the
 * registration completed later. The room is optional (the first available one is assigned); {@code requestId}
 * makes a retried intake return the first one instead of taking a second room. {@code family} names the active stay
 * of a family member whose room this person shares, when the rules of both allow it.
 */
public record Intake(Long personId, @Size(max = 50) String name,
		@Pattern(regexp = MobileNumber.OPTIONAL, message = "{problem.mobile-number}") String phone,
		@NotBlank String category, String room, List<KeyGroup> keyGroups, @Size(max = 500) String needs, Long arrival,
		@Size(max = 100) String requestId, Long family) {
}
