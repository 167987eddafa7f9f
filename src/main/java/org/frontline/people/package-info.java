/**
 * The residents registry: people, their identity documents, phones, addresses and key-population tags. Besides its
 * services, it offers other modules two read-only SQL views for set-based reads: {@code people_resident} (id, name,
 * area, address, phone, tags; never the identity document) and {@code people_residents_by_area} (residents per area
 * code, kept by triggers). Other modules read these, never {@code people_person}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "People",
		allowedDependencies = { "area", "audit", "security", "shared" })
package org.frontline.people;
