package org.frontline.people.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks sampling code payloads {@code FL1.<personId>.<version>.<mac>}: the mac is the first 16 bytes of
 * HMAC-SHA256 over {@code FL1.<personId>.<version>}, base64url without padding. No personal data is inside.
 */
public final class CodeSigner {

	static final String PREFIX = "FL1";

	private static final int MAC_BYTES = 16;

	private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern
		.compile("FL1\\.(\\d{1,18})\\.(\\d{1,9})\\.([A-Za-z0-9_-]{22})");

	private final SecretKeySpec key;

	private final ThreadLocal<Mac> macs;

	public CodeSigner(byte[] secret) {
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	public String sign(long personId, int version) {
		String body = PREFIX + "." + personId + "." + version;
		return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(body));
	}

	/** The person and version of a well-formed payload, or null when it is not one. */
	public static Parsed parse(String payload) {
		if (payload == null) {
			return null;
		}
		java.util.regex.Matcher matcher = FORMAT.matcher(payload.strip());
		if (!matcher.matches()) {
			return null;
		}
		return new Parsed(Long.parseLong(matcher.group(1)), Integer.parseInt(matcher.group(2)), matcher.group(3));
	}

	public boolean verify(Parsed parsed) {
		byte[] expected = mac(PREFIX + "." + parsed.personId() + "." + parsed.version());
		byte[] given;
		try {
			given = Base64.getUrlDecoder().decode(parsed.mac());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(expected, given);
	}

	private byte[] mac(String body) {
		return Arrays.copyOf(macs.get().doFinal(body.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** The parts of a well-formed payload. */
	public record Parsed(long personId, int version, String mac) {
	}
}
