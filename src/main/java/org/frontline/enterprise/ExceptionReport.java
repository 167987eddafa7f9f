package org.frontline.enterprise;

/** A fever (or a positive self-test) reported by the liaison for a person in the loop. */
public record ExceptionReport(Long personId, String kind, String detail) {
}
