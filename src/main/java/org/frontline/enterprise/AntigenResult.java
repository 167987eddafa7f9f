package org.frontline.enterprise;

/** A morning antigen self-test recorded by the liaison: NEGATIVE, POSITIVE or INVALID, with a photo when taken. */
public record AntigenResult(Long personId, String outcome, byte[] photo) {
}
