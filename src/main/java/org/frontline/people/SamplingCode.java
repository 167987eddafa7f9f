package org.frontline.people;

/** A person's current sampling code: the QR payload and its version (a re-issue revokes older versions). */
public record SamplingCode(long personId, int version, String payload) {
}
