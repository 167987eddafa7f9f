package org.frontline.application;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** {@code #figures} in templates: counts with thousands separators, decimals and percentages. */
public final class Figures {

	private final Locale locale;

	Figures(Locale locale) {
		this.locale = locale;
	}

	/** {@code 12,345}; a dash for an unknown (null) count. */
	public String count(Number value) {
		return value == null ? "—" : NumberFormat.getIntegerInstance(locale).format(value);
	}

	/** {@code 1,234.5} with exactly {@code digits} decimals; a dash for null. */
	public String decimal(Number value, int digits) {
		if (value == null) {
			return "—";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

	/** A share given in percent ({@code 66.67}) as {@code 66.7%}; a dash for null. */
	public String percent(Number value) {
		return value == null ? "—" : decimal(value, 1) + "%";
	}
}
