package org.frontline.people;

import java.util.List;

import org.frontline.shared.Problem.FieldError;

/**
 * What became of one person brought onto another module's roster by their document: the record they have (found, or
 * registered now), or why their data was refused.
 */
public record Enrolment(Long personId, boolean registered, List<FieldError> errors) {

	public Enrolment {
		errors = errors == null ? List.of() : List.copyOf(errors);
	}

	public boolean accepted() {
		return personId != null;
	}
}
