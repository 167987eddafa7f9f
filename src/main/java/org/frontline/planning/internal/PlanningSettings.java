package org.frontline.planning.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The planner's defaults, used until a past round has taught better figures (rates, arrival shares, lab
 * turnaround) and until the workforce module plans staff: people an hour per station, how much swab times vary,
 * walk-in arrivals by hour from the round's start (relative weights), minutes per door-to-door visit, the labs'
 * turnaround, staff per station and per site, a shift's length, the norms, and the runs and seed of a plan.
 */
@ConfigurationProperties("frontline.planning")
public record PlanningSettings(@DefaultValue("200") double stationRate, @DefaultValue("1.0") double serviceCv,
		@DefaultValue({ "24", "26", "20", "16", "14" }) List<Double> arrivalProfile,
		@DefaultValue("20") double doorToDoorMinutes, @DefaultValue("12") double labTurnaroundHours,
		@DefaultValue("2") int staffPerStation, @DefaultValue("2") int staffPerSite,
		@DefaultValue("4") double shiftHours, @DefaultValue("20") int waitNormMinutes,
		@DefaultValue("6") int samplingNormHours, @DefaultValue("24") int roundNormHours,
		@DefaultValue("20") int runs, @DefaultValue("1") long seed) {
}
