package org.frontline.quarantine;

import jakarta.validation.constraints.Size;

/** Completes a fast-track intake: a registered person, or the ID number, home community and address. */
public record Registration(Long personId, String idNumber, String community, @Size(max = 200) String address) {
}
