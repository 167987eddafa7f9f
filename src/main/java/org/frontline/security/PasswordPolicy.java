package org.frontline.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import org.frontline.shared.Problem;

/**
 * What a password of a real (non-demo) account must be: at least 10 characters, at most 72 bytes (all that a bcrypt
 * hash keeps), and hard to guess by zxcvbn's estimate (at least 10^8 guesses, score 3): not a common password or a
 * variant of one, not words, names, dates, repeats, sequences or keyboard patterns alone, and not made of the user's
 * own data (user name, scope).
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	static final int MIN_SCORE = 3;

	private static final Zxcvbn STRENGTH = new Zxcvbn();

	private PasswordPolicy() {
	}

	/** The password's faults for a user with this name and these other data of theirs (area code, area name). */
	static List<Problem.FieldError> check(String username, String password, List<String> ownData) {
		List<Problem.FieldError> errors = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			errors.add(new Problem.FieldError("password", "security.password.too-short", MIN_LENGTH));
			return errors;
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > CredentialsTooLongException.MAX_PASSWORD_BYTES) {
			errors.add(new Problem.FieldError("password", "security.password.too-long",
					CredentialsTooLongException.MAX_PASSWORD_BYTES));
			return errors;
		}
		List<String> inputs = new ArrayList<>(ownData.stream().filter(d -> d != null && !d.isBlank()).toList());
		if (username != null) {
			if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
				errors.add(new Problem.FieldError("password", "security.password.own-data"));
				return errors;
			}
			inputs.add(username);
			inputs.addAll(Arrays.asList(username.split("[._-]+")));
		}
		inputs.addAll(List.of("frontline", "yixian", "一线"));
		Strength strength = STRENGTH.measure(password, inputs);
		if (strength.getScore() < MIN_SCORE) {
			errors.add(new Problem.FieldError("password", "security.password." + weakness(strength)));
		}
		return errors;
	}

	private static String weakness(Strength strength) {
		List<String> dictionaries = strength.getSequence().stream().map((Match m) -> m.dictionaryName).toList();
		if (dictionaries.contains("user_inputs")) {
			return "own-data";
		}
		if (dictionaries.contains("passwords")) {
			return "common";
		}
		return "guessable";
	}
}
