package org.frontline.people;

import java.util.List;

/** Whom to print test cards for: listed people, or (by default) everyone tagged NO_SMARTPHONE in an area. */
public record CardRequest(String area, List<Long> personIds) {
}
