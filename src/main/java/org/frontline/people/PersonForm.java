package org.frontline.people;

import java.util.List;

/** A person to register or the new state of one; every field is checked by {@link Residents}. */
public record PersonForm(String name, IdType idType, String idNumber, String phone, String area, Address address,
		List<Tag> tags) {
}
