package org.frontline.enterprise;

import java.util.Locale;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of the 31-character set without
 * I, O, S, V and Z — registration authority, organization type, six-digit administrative division, nine-character
 * organization code — and a check character computed over the first 17 (weights 3^i mod 31).
 */
public record CreditCode(String value) {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	/** Parses and validates a code; lower-case letters are accepted and stored upper-case. */
	public static CreditCode parse(String raw) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidCreditCodeException("enterprise.credit-code.missing");
		}
		String code = raw.strip().toUpperCase(Locale.ROOT);
		if (code.length() != 18) {
			throw new InvalidCreditCodeException("enterprise.credit-code.length");
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				throw new InvalidCreditCodeException("enterprise.credit-code.character");
			}
		}
		for (int i = 2; i < 8; i++) {
			if (!Character.isDigit(code.charAt(i))) {
				throw new InvalidCreditCodeException("enterprise.credit-code.division");
			}
		}
		if (code.charAt(17) != checkCharacter(code.substring(0, 17))) {
			throw new InvalidCreditCodeException("enterprise.credit-code.check");
		}
		return new CreditCode(code);
	}

	/** The check character of the first 17 characters (all of the code's alphabet). */
	public static char checkCharacter(String first17) {
		int sum = 0;
		int weight = 1;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * weight;
			weight = weight * 3 % 31;
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

	/** The administrative division the enterprise was registered in (GB/T 2260). */
	public String division() {
		return value.substring(2, 8);
	}

	@Override
	public String toString() {
		return value;
	}

	/** Why a code is not valid: {@link #key()} is the message key that says it. */
	public static class InvalidCreditCodeException extends IllegalArgumentException {

		public InvalidCreditCodeException(String key) {
			super(key);
		}

		public String key() {
			return getMessage();
		}
	}
}
