package org.frontline.shared;

/** How personal data is shown in lists: enough to recognise a person, not enough to identify one. */
public final class Masking {

	private Masking() {
	}

	/** {@code 320602199001011234} becomes {@code 320602********1234}. */
	public static String idNumber(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		if (value.length() <= 4) {
			return "*".repeat(value.length());
		}
		int head = value.length() >= 14 ? 6 : Math.min(2, value.length() - 4);
		return value.substring(0, head) + "*".repeat(value.length() - head - 4) + value.substring(value.length() - 4);
	}

	/** {@code 13812345678} becomes {@code 138****5678}. */
	public static String phone(String value) {
		if (value == null || value.length() < 7) {
			return value == null ? null : "*".repeat(value.length());
		}
		return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
	}

	/** {@code 王小明} becomes {@code 王*明}, {@code 王明} becomes {@code 王*}. */
	public static String name(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		int[] cps = value.codePoints().toArray();
		if (cps.length == 1) {
			return value;
		}
		StringBuilder masked = new StringBuilder().appendCodePoint(cps[0]);
		if (cps.length == 2) {
			return masked.append('*').toString();
		}
		masked.append("*".repeat(cps.length - 2));
		return masked.appendCodePoint(cps[cps.length - 1]).toString();
	}
}
