package org.frontline.testing;

import java.util.List;

/** A resident not yet sampled in a round (and not exempted), masked, with what a door-to-door visit needs. */
public record MissingPerson(long personId, String name, String area, String building, String unit, String room,
		String phone, List<String> tags) {
}
