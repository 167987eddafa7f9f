package org.frontline.application;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * {@code #labels} in templates: the label of an enum constant in the page's language, from the message key
 * {@code enum.<SimpleName>.<CONSTANT>} ({@code enum.Outer.Inner.CONSTANT} for a nested enum), and the CSS class of its
 * status badge.
 */
public final class Labels {

	private final MessageSource messages;

	private final Locale locale;

	Labels(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/** The message key of a constant's label. */
	public static String key(Enum<?> constant) {
		return "enum." + typeName(constant.getDeclaringClass()) + "." + constant.name();
	}

	/** {@code ScanResult.Status} for a nested enum, {@code RoomStatus} for a top-level one. */
	public static String typeName(Class<?> type) {
		return type.getEnclosingClass() == null ? type.getSimpleName()
				: typeName(type.getEnclosingClass()) + "." + type.getSimpleName();
	}

	/** The label of {@code constant}; empty for null. A missing label shows as {@code ??key??}, as #{...} does. */
	public String of(Enum<?> constant) {
		if (constant == null) {
			return "";
		}
		String key = key(constant);
		return messages.getMessage(key, null, "??" + key + "_" + locale + "??", locale);
	}

	/** The classes of a status badge for {@code constant}: {@code badge status-RoomStatus-AVAILABLE}. */
	public String badge(Enum<?> constant) {
		if (constant == null) {
			return "badge";
		}
		return "badge status-" + typeName(constant.getDeclaringClass()).replace('.', '-') + "-" + constant.name();
	}
}
