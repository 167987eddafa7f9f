/**
 * The round planner: simulates a testing round before it starts (queues, waits, when sampling is done, what it
 * needs), checks it against the norms, proposes and applies the smallest changes that meet them, and learns arrival
 * shares and station rates from rounds after they ran.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planning",
		allowedDependencies = { "area", "audit", "shared", "testing", "workforce", "zones" })
package org.frontline.planning;
