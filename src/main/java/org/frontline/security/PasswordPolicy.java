package org.frontline.security;

import java.util.ArrayList;
import java.util.List;

import org.frontline.shared.Problem;

/** What a password of a real (non-demo) account must be: long enough, mixed, and not the username. */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	private PasswordPolicy() {
	}

	static List<Problem.FieldError> check(String username, String password) {
		List<Problem.FieldError> errors = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			errors.add(new Problem.FieldError("password", "At least " + MIN_LENGTH + " characters."));
			return errors;
		}
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > CredentialsTooLongException.MAX_PASSWORD_BYTES) {
			errors.add(new Problem.FieldError("password", "At most " + CredentialsTooLongException.MAX_PASSWORD_BYTES
					+ " bytes (" + CredentialsTooLongException.MAX_PASSWORD_BYTES + " letters or digits, 24 Chinese characters)."));
			return errors;
		}
		boolean letter = password.chars().anyMatch(Character::isLetter);
		boolean digit = password.chars().anyMatch(Character::isDigit);
		if (!letter || !digit) {
			errors.add(new Problem.FieldError("password", "Use both letters and digits."));
		}
		if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
			errors.add(new Problem.FieldError("password", "The password must not contain the username."));
		}
		return errors;
	}
}
