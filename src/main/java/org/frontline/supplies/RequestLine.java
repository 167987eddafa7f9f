package org.frontline.supplies;

/** One item of a request: requested, approved (null until decided), sent and received (null until then). */
public record RequestLine(Item item, long requested, Long approved, Long sent, Long received) {
}
