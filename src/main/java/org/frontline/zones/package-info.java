/**
 * Control notices (通告) and risk zones (封控区, 管控区, 防范区): notices that never change once published and the
 * measures they set, zones on subdistricts, communities, compounds or some buildings of a compound, versioned rules
 * per level (pool size, test frequency, door to door, movement, lifting criteria), the lifting board, and proposals to
 * lock down after a positive. Other modules read the zones in force through {@link org.frontline.shared.ZoneMarks}
 * or, in SQL, the read view {@code zones_zone_period}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Zones",
		allowedDependencies = { "area", "audit", "people", "shared", "testing" })
package org.frontline.zones;
