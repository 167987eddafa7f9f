package org.frontline.supplies;

/** A place with the area it lies in and its name as pages show it ({@code null} when its module gives none). */
public record PlaceInfo(Place place, String area, String name) {

	public String code() {
		return place.toString();
	}

	public PlaceKind kind() {
		return place.kind();
	}
}
