/**
 * Supplies: the item catalogue, the places that hold stock (warehouses and the posts that use it), the append-only
 * movement ledger with lots and expiry, requests from posts to warehouses with their shipments, donations and their
 * acknowledgement letters, consumption norms, days of cover and the alerts when they run low. Public API: {@link
 * org.frontline.supplies.Items}, {@link org.frontline.supplies.Ledger}, {@link org.frontline.supplies.Stock}, {@link
 * org.frontline.supplies.SupplyRequests}, {@link org.frontline.supplies.Donations}, {@link
 * org.frontline.supplies.DaysOfCover}, {@link org.frontline.supplies.Warehouses}, {@link
 * org.frontline.supplies.Shipments}, {@link org.frontline.supplies.SupplyChecks}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supplies",
		allowedDependencies = { "area", "audit", "enterprise", "planning", "quarantine", "shared", "testing", "workforce" })
package org.frontline.supplies;
