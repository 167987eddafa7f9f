package org.frontline.shared;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * Text for a person, as a key of the message bundles and its arguments, turned into words in the reader's language
 * only where it is shown (a page, a problem answer, a report). An argument that is itself a {@code Message} is
 * resolved first; an enum constant becomes its label ({@code enum.<SimpleName>.<CONSTANT>}); whole numbers are written
 * without grouping (they are mostly ids and codes). A key missing from the bundles is shown as it is.
 */
public record Message(String key, List<Object> args) implements MessageSourceResolvable {

	public Message {
		args = args == null ? List.of() : args.stream().map(Message::argument).toList();
	}

	public static Message of(String key, Object... args) {
		return new Message(key, args == null ? List.of() : Arrays.asList(args));
	}

	/** The label of an enum constant: {@code enum.RoomStatus.OCCUPIED}, {@code enum.Coverage.ExemptionReason.AWAY}. */
	public static Message label(Enum<?> constant) {
		Class<?> type = constant.getDeclaringClass();
		StringBuilder name = new StringBuilder(type.getSimpleName());
		for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
			name.insert(0, outer.getSimpleName() + ".");
		}
		return new Message("enum." + name + "." + constant.name(), List.of());
	}

	@Override
	public String[] getCodes() {
		return new String[] { key };
	}

	@Override
	public Object[] getArguments() {
		return args.toArray();
	}

	@Override
	public String getDefaultMessage() {
		return key;
	}

	@Override
	public String toString() {
		return args.isEmpty() ? key : key + args;
	}

	private static Object argument(Object value) {
		if (value instanceof Enum<?> constant) {
			return label(constant);
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short) {
			return value.toString();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		return value == null ? "" : value;
	}
}
