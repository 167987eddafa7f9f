package org.frontline.people;

/**
 * A search of the registry: inside an area (the viewer's scope by default), matching a name prefix, an ID number or
 * a phone, carrying a tag.
 */
public record PersonQuery(String area, String text, Tag tag, int page, int size) {
}
