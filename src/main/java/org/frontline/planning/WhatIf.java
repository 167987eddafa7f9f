package org.frontline.planning;

import java.util.List;

/** One site of the latest plan again with other stations per hour from the round's start (0: closed) or another rate. */
public record WhatIf(Long siteId, List<Integer> stationsPerHour, Double stationRate) {
}
