/**
 * Testing rounds: rounds and their areas, sampling sites and labs, tubes and pooling, check-in and sampling scans
 * (the device protocol), boxes handed to labs, and the live queue of a site.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Testing",
		allowedDependencies = { "area", "audit", "people", "quarantine", "shared" })
package org.frontline.testing;
