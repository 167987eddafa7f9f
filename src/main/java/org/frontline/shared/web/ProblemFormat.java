package org.frontline.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.frontline.shared.Problem;

/**
 * A module whose paths speak another standard's error format (FHIR's OperationOutcome under {@code /fhir}) writes the
 * problems that {@link ProblemWriter} writes for its requests from filters, such as 401 and 403.
 */
public interface ProblemFormat {

	/** Whether this format answers the request. */
	boolean claims(HttpServletRequest request);

	/** Writes the problem with its status (and {@code Retry-After} when it has one). */
	void write(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException;
}
