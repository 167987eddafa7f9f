package org.frontline.people;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;

/**
 * An 18-character citizen identification number (GB 11643-1999): six digits of area, eight of birth date, three of
 * sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character ({@code 0}-{@code 9} or
 * {@code X}).
 */
public record ResidentIdNumber(String value, LocalDate birthDate, Sex sex) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	/**
	 * Parses and validates a number on the given day (a birth date after it is invalid); a lower-case {@code x} is
	 * accepted and stored upper-case.
	 */
	public static ResidentIdNumber parse(String raw, LocalDate today) {
		if (raw == null) {
			throw new InvalidIdNumberException("people.id-number.missing");
		}
		String number = raw.trim().toUpperCase(Locale.ROOT);
		if (!number.matches("\\d{17}[\\dX]")) {
			throw new InvalidIdNumberException("people.id-number.format");
		}
		if (number.charAt(17) != checkCharacter(number.substring(0, 17))) {
			throw new InvalidIdNumberException("people.id-number.check-digit");
		}
		LocalDate birthDate;
		try {
			birthDate = LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
					Integer.parseInt(number.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			throw new InvalidIdNumberException("people.id-number.birth-date");
		}
		if (birthDate.getYear() < 1880 || birthDate.isAfter(today)) {
			throw new InvalidIdNumberException("people.id-number.birth-date");
		}
		Sex sex = (number.charAt(16) - '0') % 2 == 1 ? Sex.M : Sex.F;
		return new ResidentIdNumber(number, birthDate, sex);
	}

	/** The holder's age in whole years on the given day. */
	public int ageOn(LocalDate day) {
		return Period.between(birthDate, day).getYears();
	}

	/** The check character for the first 17 digits. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	/** Why a number is not a valid resident ID number: {@link #key()} is the message key that says it. */
	public static class InvalidIdNumberException extends IllegalArgumentException {

		public InvalidIdNumberException(String key) {
			super(key);
		}

		public String key() {
			return getMessage();
		}
	}
}
