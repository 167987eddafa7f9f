package org.frontline.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mainland China mobile number: 11 digits starting with 13 to 19. Request records check one with
 * {@code @Pattern(regexp = MobileNumber.PATTERN, message = "{problem.mobile-number}")}; code that holds one knows it
 * is well formed.
 */
public record MobileNumber(String value) {

	public static final String PATTERN = "1[3-9]\\d{9}";

	/** A mobile number with spaces around it, or nothing: for a field a form may leave empty. */
	public static final String OPTIONAL = "\\s*(" + PATTERN + ")?\\s*";

	private static final Pattern MOBILE = Pattern.compile(PATTERN);

	public MobileNumber {
		if (value == null || !MOBILE.matcher(value).matches()) {
			throw new IllegalArgumentException("not a mobile number");
		}
	}

	/** Whether a text (surrounding spaces aside) is a mobile number. */
	public static boolean isValid(String text) {
		return text != null && MOBILE.matcher(text.strip()).matches();
	}

	/** The number a text holds, or empty when it is blank or not a mobile number. */
	public static Optional<MobileNumber> parse(String text) {
		return isValid(text) ? Optional.of(new MobileNumber(text.strip())) : Optional.empty();
	}

	@Override
	public String toString() {
		return value;
	}
}
