package org.frontline.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in with a user name or password longer than any account's: refused before it is checked (a password hashes
 * only its first 72 bytes).
 */
public class CredentialsTooLongException extends AuthenticationException {

	public static final int MAX_USERNAME = 64;

	public static final int MAX_PASSWORD_BYTES = 72;

	private final String field;

	public CredentialsTooLongException(String field) {
		super(field.equals("username") ? "A user name has at most " + MAX_USERNAME + " characters."
				: "A password has at most " + MAX_PASSWORD_BYTES + " bytes (" + MAX_PASSWORD_BYTES
						+ " letters or digits, 24 Chinese characters).");
		this.field = field;
	}

	/** {@code username} or {@code password}. */
	public String field() {
		return field;
	}
}
