package org.frontline.supplies;

import java.time.Instant;
import java.util.List;

/**
 * Days of cover of every place and item inside an area, least cover first; {@code low} counts the lines under the
 * threshold.
 */
public record DistrictCover(String area, Instant at, double lowCoverDays, long low, List<CoverLine> lines) {
}
