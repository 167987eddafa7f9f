package org.frontline.workforce;

/**
 * The staff a round's shifts plan at a sampling site: people per station (its samplers and registrars), people per
 * window besides (its leader, order keepers), and how long a shift lasts, averaged over the round's windows.
 */
public record SiteStaffPlan(long siteId, int perStation, int perSite, double shiftHours) {
}
