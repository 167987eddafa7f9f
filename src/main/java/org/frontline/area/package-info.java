/**
 * The administrative hierarchy: city, district, subdistrict (街道), community (社区), compound (小区).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Areas",
		allowedDependencies = { "audit", "shared" })
package org.frontline.area;
