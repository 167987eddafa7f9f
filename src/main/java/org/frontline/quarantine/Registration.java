package org.frontline.quarantine;

/** Completes a fast-track intake: a registered person, or the ID number, home community and address. */
public record Registration(Long personId, String idNumber, String community, String address) {
}
