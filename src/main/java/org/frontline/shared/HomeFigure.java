package org.frontline.shared;

/**
 * One figure of a signed-in user's work on their home page (free rooms, people not yet sampled, ...) with the page
 * where that work is done. {@code alert} marks a figure that asks for action now; {@code percent} a share in percent.
 */
public record HomeFigure(int order, String labelKey, Number value, boolean percent, boolean alert, String href) {

	public static HomeFigure count(int order, String labelKey, Number value, String href) {
		return new HomeFigure(order, labelKey, value, false, false, href);
	}

	/** A count that asks for action when it is above zero. */
	public static HomeFigure toDo(int order, String labelKey, Number value, String href) {
		return new HomeFigure(order, labelKey, value, false, value != null && value.doubleValue() > 0, href);
	}

	public static HomeFigure percent(int order, String labelKey, Number value, String href) {
		return new HomeFigure(order, labelKey, value, true, false, href);
	}
}
