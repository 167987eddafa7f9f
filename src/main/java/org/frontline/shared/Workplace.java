package org.frontline.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kind of place a staff user can be limited to besides an area ({@link Viewer#place(Workplace)}): a sampling
 * site, a lab, a quarantine facility, a closed-loop enterprise, a unit that sends cadres or a warehouse. Its
 * {@link #code()} is what accounts store, the API shows and request fields are named.
 */
public enum Workplace {

	SITE, LAB, FACILITY, ENTERPRISE, UNIT, WAREHOUSE;

	/** The lower-case name: {@code site}, {@code lab}, ... */
	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The kind with this code, if there is one. */
	public static Optional<Workplace> ofCode(String code) {
		return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
	}
}
