package org.frontline.people;

import java.time.LocalDate;
import java.util.List;

import org.frontline.shared.Masking;

/**
 * A resident. Lists carry the {@link #masked()} form; the full one is for the person's own record page, read by a
 * user whose scope covers them, and every such read is audited.
 */
public record Person(long id, String name, IdType idType, String idNumber, String phone, String area,
		Address address, List<Tag> tags, LocalDate birthDate, Sex sex) {

	public Person masked() {
		return new Person(id, name, idType, Masking.idNumber(idNumber), Masking.phone(phone), area, address, tags,
				birthDate, sex);
	}

	public boolean has(Tag tag) {
		return tags.contains(tag);
	}
}
