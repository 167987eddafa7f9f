/**
 * Users, roles and scopes, sign-in for pages and bearer tokens for the API, and the rules that keep every user
 * inside their area.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security",
		allowedDependencies = { "area", "audit", "shared" })
package org.frontline.security;
