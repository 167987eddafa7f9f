package org.frontline.area;

/** The levels of the hierarchy, from the top. */
public enum AreaLevel {

	PROVINCE, CITY, DISTRICT, SUBDISTRICT, COMMUNITY, COMPOUND;

	/** The level a well-formed code of this length and shape belongs to. */
	public static AreaLevel ofCode(String code) {
		return switch (code.length()) {
			case 6 -> code.endsWith("0000") ? PROVINCE : code.endsWith("00") ? CITY : DISTRICT;
			case 9 -> SUBDISTRICT;
			case 12 -> COMMUNITY;
			case 15 -> COMPOUND;
			default -> throw new IllegalArgumentException("Not an area code: " + code);
		};
	}
}
