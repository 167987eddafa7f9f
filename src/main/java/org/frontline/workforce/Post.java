package org.frontline.workforce;

/**
 * A post: the place (its kind and its id there, {@code ref}), its name, the area it is in, and the code its QR poster
 * carries for checking in.
 */
public record Post(long id, PostKind kind, String ref, String name, String area, String code) {
}
