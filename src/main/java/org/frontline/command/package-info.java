/**
 * The command centre: the live overview to which each module contributes its part ({@link
 * org.frontline.command.OverviewPart}), the alerts inbox that keeps every {@code shared.AlertRaised} ({@link
 * org.frontline.command.Alerts}), and the daily report as PDF and XLSX ({@link org.frontline.command.DailyReports}).
 * It owns no operational data: it reads the other modules' public APIs and listens to their events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command",
		allowedDependencies = { "area", "audit", "enterprise", "people", "quarantine", "shared", "supplies", "testing",
				"workforce", "zones" })
package org.frontline.command;
