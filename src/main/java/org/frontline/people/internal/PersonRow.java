package org.frontline.people.internal;

import java.time.LocalDate;
import java.util.List;

import org.frontline.people.IdType;
import org.frontline.people.Sex;
import org.frontline.people.Tag;

/** A checked, normalised person ready to store; {@code line} is its line in an imported file, or 0. */
public record PersonRow(int line, String name, IdType idType, String idNumber, String phone, String area,
		String building, String unit, String room, List<Tag> tags, LocalDate birthDate, Sex sex) {
}
