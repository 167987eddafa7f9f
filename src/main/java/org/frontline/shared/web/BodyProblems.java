package org.frontline.shared.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.frontline.shared.Message;
import org.frontline.shared.Problem;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A request body that could not be read, said without the parser's own text (which names Java classes): where the
 * JSON is broken, or which field holds what kind of value instead of what it should.
 */
final class BodyProblems {

	private BodyProblems() {
	}

	static Problem of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof StreamReadException syntax) {
				var location = syntax.getLocation();
				return location == null || location.getLineNr() < 1 ? Problem.malformedBody()
						: Problem.malformedBody("body", "problem.body.syntax", location.getLineNr(),
								location.getColumnNr());
			}
			if (cause instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
				String field = path(mapping);
				Class<?> target = cause instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
				if (target != null && target.isEnum()) {
					String allowed = Arrays.stream(target.getEnumConstants())
						.map(c -> ((Enum<?>) c).name())
						.collect(Collectors.joining(", "));
					return Problem.malformedBody(field, "problem.body.enum", field, allowed);
				}
				return Problem.malformedBody(field, "problem.body.field", field, expected(target));
			}
		}
		return Problem.malformedBody();
	}

	/** The JSON path of the failing value as the request writes it: {@code rooms[1].number}. */
	static String path(JacksonException failure) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : failure.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	/** What kind of JSON value a field takes, in words. */
	private static Message expected(Class<?> target) {
		if (target == null) {
			return Message.of("problem.body.expected.value");
		}
		if (target == String.class || target == Character.class || target == char.class) {
			return Message.of("problem.body.expected.text");
		}
		if (target == Boolean.class || target == boolean.class) {
			return Message.of("problem.body.expected.boolean");
		}
		if (Number.class.isAssignableFrom(target) || target.isPrimitive() || target == BigDecimal.class
				|| target == BigInteger.class) {
			return Message.of("problem.body.expected.number");
		}
		if (Temporal.class.isAssignableFrom(target)) {
			return Message.of("problem.body.expected.time");
		}
		if (Collection.class.isAssignableFrom(target) || target.isArray()) {
			return Message.of("problem.body.expected.list");
		}
		if (Map.class.isAssignableFrom(target)) {
			return Message.of("problem.body.expected.object");
		}
		return Message.of("problem.body.expected.object");
	}
}
