/**
 * Centralized quarantine facilities: rooms and their team, category rules (versioned), stays from intake to
 * release, daily observations, anomalies and their escalation, and live capacity. Public API: {@link
 * org.frontline.quarantine.Facilities}, {@link org.frontline.quarantine.Categories}, {@link
 * org.frontline.quarantine.Stays}, {@link org.frontline.quarantine.Intakes}, {@link
 * org.frontline.quarantine.Registrations}, {@link org.frontline.quarantine.Releases}, {@link
 * org.frontline.quarantine.Observations}, {@link
 * org.frontline.quarantine.Anomalies}, {@link org.frontline.quarantine.Meetings}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quarantine",
		allowedDependencies = { "area", "audit", "people", "shared" })
package org.frontline.quarantine;
