/**
 * Closed-loop enterprises (闭环管理): enterprises and their liaisons, closed-loop periods, the roster of staff living on
 * site with every movement in and out, dormitory rooms and bedding, meals, daily testing through the testing module's
 * roster rounds, antigen self-tests, exceptions handed to quarantine, and the liaison's daily report. Public API:
 * {@link org.frontline.enterprise.Enterprises}, {@link org.frontline.enterprise.Loops},
 * {@link org.frontline.enterprise.Rosters}, {@link org.frontline.enterprise.LoopTesting},
 * {@link org.frontline.enterprise.DailyReports}, and the events it publishes (a fever or positive goes to quarantine
 * as a {@link org.frontline.shared.QuarantineReferral}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enterprise",
		allowedDependencies = { "area", "audit", "people", "shared", "testing", "zones" })
package org.frontline.enterprise;
