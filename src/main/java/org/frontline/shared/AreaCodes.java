package org.frontline.shared;

import java.util.regex.Pattern;

/**
 * Area codes: GB/T 2260 six-digit codes down to the district, then three digits per level (subdistrict, community,
 * compound). Everything inside an area has a code that starts with the area's prefix, so "inside area X" is a
 * range scan on an index.
 */
public final class AreaCodes {

	// Compiled once: every request naming an area checks it (String.matches compiles the pattern on each call).
	private static final Pattern WELL_FORMED = Pattern.compile("\\d{6}(\\d{3}){0,3}");

	private AreaCodes() {
	}

	/** The prefix shared by the codes of every area inside this one: {@code 320600} (a city) gives {@code 3206}. */
	public static String prefix(String code) {
		if (code.length() == 6) {
			if (code.endsWith("0000")) {
				return code.substring(0, 2);
			}
			if (code.endsWith("00")) {
				return code.substring(0, 4);
			}
		}
		return code;
	}

	/** The smallest string greater than every code that starts with {@code prefix}, for a half-open range. */
	public static String upperBound(String prefix) {
		char last = prefix.charAt(prefix.length() - 1);
		return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
	}

	public static boolean contains(String areaCode, String innerCode) {
		return innerCode != null && innerCode.startsWith(prefix(areaCode));
	}

	public static boolean wellFormed(String code) {
		return code != null && WELL_FORMED.matcher(code).matches();
	}
}
