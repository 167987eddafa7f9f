package org.frontline.testing;

import java.time.Instant;

/**
 * One person's visit to a site in a round, for learning how sites work: who recorded the sample (the station), when
 * the person checked in and when they were swabbed (null when that was not recorded, or not yet).
 */
public record Visit(long siteId, String sampledBy, Instant checkedInAt, Instant sampledAt) {
}
