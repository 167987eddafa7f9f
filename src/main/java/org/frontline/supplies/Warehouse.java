package org.frontline.supplies;

/** A warehouse of the district or of a subdistrict ({@code WAREHOUSE:id}). */
public record Warehouse(long id, String name, String area) {

	public Place place() {
		return Place.of(PlaceKind.WAREHOUSE, id);
	}
}
