package org.frontline.quarantine;

import java.time.Instant;
import java.util.List;

/** Capacity of every facility in the viewer's scope and their sum for the district. */
public record Capacity(Instant at, List<FacilityCapacity> facilities, FacilityCapacity district) {
}
