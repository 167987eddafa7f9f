/**
 * The people on the front line: units and their cadres, volunteers, medical and other staff; posts, deployments and
 * shifts checked against the limits of a safe shift; check-in and check-out at a post, hours, alerts, and who is on
 * duty where. Others react to {@link org.frontline.workforce.WorkerCheckedIn} and
 * {@link org.frontline.workforce.WorkerCheckedOut}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workforce",
		allowedDependencies = { "area", "audit", "people", "security", "shared", "testing" })
package org.frontline.workforce;
