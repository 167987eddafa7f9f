package org.frontline.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * One way to validate a request: Bean Validation constraints on its record, checked by the module's service (so a
 * page, the API and the demo all pass the same check), every wrong field answered at once as
 * {@link Problem#invalid(List)}.
 * <p>
 * A constraint's text is {@code problem.constraint.<Constraint>} (e.g. {@code problem.constraint.NotBlank}), or the
 * key its {@code message} names ({@code @Pattern(regexp = ..., message = "{people.phone.invalid}")}); its first
 * argument is the field's label, {@code field.<Record>.<property>} in the module's bundle (the property's name when
 * there is no label), followed by the constraint's {@code min}, {@code max}, {@code value}, {@code integer} and
 * {@code fraction} where it has them.
 */
@Component
public class Validation {

	private static final Pattern KEY = Pattern.compile("\\{([^{}]+)}");

	private static final List<String> ATTRIBUTES = List.of("min", "max", "value", "integer", "fraction");

	private final Validator validator;

	Validation(Validator validator) {
		this.validator = validator;
	}

	/** Throws {@link Problem#invalid(List)} with every constraint the request breaks. */
	public void check(Object request) {
		List<Problem.FieldError> errors = errors(request);
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
	}

	/** The constraints a request breaks, ordered by field. */
	public List<Problem.FieldError> errors(Object request) {
		if (request == null) {
			return List.of(new Problem.FieldError("body", "problem.body.missing"));
		}
		return errors(validator.validate(request));
	}

	public static List<Problem.FieldError> errors(Set<? extends ConstraintViolation<?>> violations) {
		List<Problem.FieldError> errors = new ArrayList<>();
		violations.stream()
			.sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString())
				.thenComparing(ConstraintViolation::getMessageTemplate))
			.forEach(v -> errors.add(error(v)));
		return errors;
	}

	public static Problem.FieldError error(ConstraintViolation<?> violation) {
		String field = violation.getPropertyPath().toString();
		return error(field, label(violation), violation.getMessageTemplate(),
				violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
				violation.getConstraintDescriptor().getAttributes());
	}

	static Problem.FieldError error(String field, Object label, String template, String constraint,
			Map<String, Object> attributes) {
		String key;
		Matcher matcher = KEY.matcher(template == null ? "" : template);
		if (matcher.matches() && !matcher.group(1).startsWith("jakarta.validation.")
				&& !matcher.group(1).startsWith("org.hibernate.validator.")) {
			key = matcher.group(1);
		}
		else if ("Size".equals(constraint) && Integer.valueOf(0).equals(attributes.get("min"))) {
			key = "problem.constraint.Size.max";
		}
		else {
			key = "problem.constraint." + constraint;
		}
		List<Object> args = new ArrayList<>();
		args.add(label);
		for (String attribute : ATTRIBUTES) {
			if (attributes.containsKey(attribute)) {
				args.add(attributes.get(attribute));
			}
		}
		return new Problem.FieldError(field, new Message(key, args));
	}

	/** An optional text as it is kept: stripped, or null when it is blank or missing. */
	public static String optional(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/**
	 * A required text passed on its own rather than in a request record, checked as {@code @NotBlank @Size(max)} would
	 * check it: the stripped text, or null with the wrong field added to {@code errors}.
	 */
	public static String required(String text, String field, Message label, int max, Problem.Errors errors) {
		if (text == null || text.isBlank()) {
			errors.add(field, "problem.constraint.NotBlank", label);
			return null;
		}
		if (text.strip().length() > max) {
			errors.add(field, "problem.constraint.Size.max", label, 0, max);
			return null;
		}
		return text.strip();
	}

	/** {@code field.<Record>.<property>} of the record that holds the property, or the property's name. */
	private static Object label(ConstraintViolation<?> violation) {
		String property = null;
		for (Path.Node node : violation.getPropertyPath()) {
			if (node.getName() != null) {
				property = node.getName();
			}
		}
		Object holder = violation.getLeafBean();
		if (property == null || holder == null) {
			return violation.getPropertyPath().toString();
		}
		return new DefaultMessageSourceResolvable(
				new String[] { "field." + holder.getClass().getSimpleName() + "." + property }, null, property);
	}
}
