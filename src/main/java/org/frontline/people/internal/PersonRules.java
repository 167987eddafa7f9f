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
import org.frontline.shared.Problem.FieldError;

/** The rules every registered person meets, whichever way they came in (form, API, CSV, demo). */
public final class PersonRules {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

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
			Predicate<String> inScope) {
		List<FieldError> errors = new ArrayList<>();
		String name = trim(form.name());
		if (name == null) {
			errors.add(new FieldError("name", "The name is missing."));
		}
		else if (name.codePointCount(0, name.length()) > 50 || CONTROL.matcher(name).find()) {
			errors.add(new FieldError("name", "A name has at most 50 characters and no control characters."));
		}
		IdType idType = form.idType() == null ? IdType.RESIDENT_ID : form.idType();
		String idNumber = trim(form.idNumber());
		LocalDate birthDate = null;
		Sex sex = null;
		if (idNumber == null) {
			errors.add(new FieldError("idNumber", "The ID number is missing."));
		}
		else {
			idNumber = idNumber.toUpperCase(Locale.ROOT);
			switch (idType) {
				case RESIDENT_ID -> {
					try {
						ResidentIdNumber id = ResidentIdNumber.parse(idNumber);
						birthDate = id.birthDate();
						sex = id.sex();
					}
					catch (ResidentIdNumber.InvalidIdNumberException ex) {
						errors.add(new FieldError("idNumber", ex.getMessage()));
					}
				}
				case PASSPORT -> {
					if (!PASSPORT.matcher(idNumber).matches()) {
						errors.add(new FieldError("idNumber", "A passport number has 5 to 20 letters and digits."));
					}
				}
				case OTHER -> {
					if (idNumber.length() > 40 || CONTROL.matcher(idNumber).find()) {
						errors.add(new FieldError("idNumber", "A document number has at most 40 characters."));
					}
				}
			}
		}
		String phone = trim(form.phone());
		if (phone != null && !MOBILE.matcher(phone).matches()) {
			errors.add(new FieldError("phone", "A mobile number has 11 digits and starts with 13 to 19."));
		}
		String area = trim(form.area());
		if (area == null) {
			errors.add(new FieldError("area", "The compound (area code) is missing."));
		}
		else if (!compoundExists.test(area)) {
			errors.add(new FieldError("area", "Area " + area + " is not a known compound."));
		}
		else if (!inScope.test(area)) {
			errors.add(new FieldError("area", "Area " + area + " is outside your scope."));
		}
		Address address = form.address() == null ? Address.NONE : form.address();
		String building = part(address.building(), "address.building", errors);
		String unit = part(address.unit(), "address.unit", errors);
		String room = part(address.room(), "address.room", errors);
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

	private static String part(String value, String field, List<FieldError> errors) {
		String trimmed = trim(value);
		if (trimmed != null && (trimmed.length() > 20 || CONTROL.matcher(trimmed).find())) {
			errors.add(new FieldError(field, "At most 20 characters, no control characters."));
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
