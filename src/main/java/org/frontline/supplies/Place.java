package org.frontline.supplies;

import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A place that holds stock, written {@code KIND:ID}: {@code WAREHOUSE:1}, {@code SITE:12}, {@code FACILITY:3},
 * {@code COMMUNITY:320602001001}, {@code ENTERPRISE:5}.
 */
public record Place(PlaceKind kind, String id) {

	private static final java.util.regex.Pattern FORM = java.util.regex.Pattern
		.compile("(WAREHOUSE|SITE|FACILITY|COMMUNITY|ENTERPRISE):([0-9]{1,15})");

	/** The place a text names, if it is written as one. */
	public static Optional<Place> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher matcher = FORM.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String id = matcher.group(2);
		PlaceKind kind = PlaceKind.valueOf(matcher.group(1));
		if (kind != PlaceKind.COMMUNITY) {
			id = Long.toString(Long.parseLong(id));
		}
		return Optional.of(new Place(kind, id));
	}

	public static Place of(PlaceKind kind, long id) {
		return new Place(kind, Long.toString(id));
	}

	/** The numeric id of a warehouse, site, facility or enterprise. */
	public long number() {
		return Long.parseLong(id);
	}

	@Override
	public String toString() {
		return kind.name() + ":" + id;
	}
}
