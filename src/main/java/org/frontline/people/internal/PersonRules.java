package org.frontline.people.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.frontline.people.Address;
import org.frontline.people.IdType;
import org.frontline.people.PersonForm;
import org.frontline.people.ResidentIdNumber;
import org.frontline.people.Sex;
import org.frontline.people.Tag;
import org.frontline.shared.Message;
import org.frontline.shared.MobileNumber;
import org.frontline.shared.Problem.FieldError;

/** The rules every registered person meets, whichever way they came in (form, API, CSV, demo). */
public final class PersonRules {

	private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cs}\\x{FFFD}]");

	private PersonRules() {
	}

	/** Either a row to store or the fields that are wrong. */
	public record Checked(PersonRow row, List<FieldError> errors) {

		public boolean valid() {
			return errors.isEmpty();
		}
	}

	public static Checked check(int line, PersonForm form, Predicate<String> compoundExists,
			Predicate<String> inScope, LocalDate today) {
		List<FieldError> errors = new ArrayList<>();
		String name = trim(form.name());
		if (name == null) {
			errors.add(new FieldError("name", "people.name.missing"));
		}
		else if (name.codePointCount(0, name.length()) > 50 || CONTROL.matcher(name).find()) {
			errors.add(new FieldError("name", "people.name.invalid", 50));
		}
		IdType idType = form.idType() == null ? IdType.RESIDENT_ID : form.idType();
		String idNumber = trim(form.idNumber());
		LocalDate birthDate = null;
		Sex sex = null;
		if (idNumber == null) {
			errors.add(new FieldError("idNumber", "people.id-number.missing"));
		}
		else {
			idNumber = idNumber.toUpperCase(Locale.ROOT);
			switch (idType) {
				case RESIDENT_ID -> {
					try {
						ResidentIdNumber id = ResidentIdNumber.parse(idNumber, today);
						birthDate = id.birthDate();
						sex = id.sex();
					}
					catch (ResidentIdNumber.InvalidIdNumberException ex) {
						errors.add(new FieldError("idNumber", ex.key()));
					}
				}
				case PASSPORT -> {
					if (!PASSPORT.matcher(idNumber).matches()) {
						errors.add(new FieldError("idNumber", "people.passport.invalid"));
					}
				}
				case OTHER -> {
					if (idNumber.length() > 40 || CONTROL.matcher(idNumber).find()) {
						errors.add(new FieldError("idNumber", "people.document.invalid", 40));
					}
				}
			}
		}
		String phone = trim(form.phone());
		if (phone != null && !MobileNumber.isValid(phone)) {
			errors.add(new FieldError("phone", "problem.mobile-number"));
		}
		String area = trim(form.area());
		if (area == null) {
			errors.add(new FieldError("area", "people.compound.missing"));
		}
		else if (!compoundExists.test(area)) {
			errors.add(new FieldError("area", "people.compound.unknown", area));
		}
		else if (!inScope.test(area)) {
			errors.add(new FieldError("area", "area.outside-scope", area));
		}
		Address address = form.address() == null ? Address.NONE : form.address();
		String building = part(address.building(), "address.building", "people.building", errors);
		String unit = part(address.unit(), "address.unit", "people.unit", errors);
		String room = part(address.room(), "address.room", "people.room", errors);
		EnumSet<Tag> tagSet = EnumSet.noneOf(Tag.class);
		if (form.tags() != null) {
			form.tags().stream().filter(Objects::nonNull).forEach(tagSet::add);
		}
		List<Tag> tags = List.copyOf(tagSet);
		if (!errors.isEmpty()) {
			return new Checked(null, errors);
		}
		return new Checked(new PersonRow(line, name, idType, idNumber, phone, area, building, unit, room, tags,
				birthDate, sex), List.of());
	}

	private static String part(String value, String field, String label, List<FieldError> errors) {
		String trimmed = trim(value);
		if (trimmed != null && (trimmed.length() > 20 || CONTROL.matcher(trimmed).find())) {
			errors.add(new FieldError(field, "people.address.part.invalid", Message.of(label), 20));
		}
		return trimmed;
	}

	private static String trim(String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}
}
