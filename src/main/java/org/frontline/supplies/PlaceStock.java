package org.frontline.supplies;

import java.time.Instant;
import java.util.List;

/** The stock of one place by item and lot, with days of cover, as of {@code at}. */
public record PlaceStock(PlaceInfo place, Instant at, double lowCoverDays, List<ItemStock> items) {
}
