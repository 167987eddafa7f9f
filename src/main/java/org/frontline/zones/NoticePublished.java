package org.frontline.zones;

import java.time.Instant;

/** A control notice was published (in force from {@code effectiveFrom}). */
public record NoticePublished(long noticeId, String authority, int number, Instant publishedAt, Instant effectiveFrom) {
}
