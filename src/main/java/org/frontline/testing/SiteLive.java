package org.frontline.testing;

/**
 * The live figures of a site: queue (checked in, not yet sampled), median wait over the last 30 minutes, throughput
 * per station per hour, tubes, people sampled today, and the advice to open more stations when the estimated wait
 * passes the threshold.
 */
public record SiteLive(long siteId, String siteName, int stations, boolean open, long queue, Double medianWaitMinutes,
		double throughputPerStationPerHour, double arrivalsPerHour, Double estimatedWaitMinutes, long openTubes,
		long sealedTubes, long sampledToday, long feverToday, int moreStationsNeeded, int thresholdMinutes) {
}
