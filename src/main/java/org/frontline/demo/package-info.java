/**
 * The demo district: 崇川区 with its subdistricts, communities and compounds, generated residents and a user for
 * every role. Loaded only when {@code FRONTLINE_DEMO} is set.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo",
		allowedDependencies = { "area", "command", "enterprise", "people", "quarantine", "security", "shared", "supplies", "testing", "workforce", "zones" })
package org.frontline.demo;
