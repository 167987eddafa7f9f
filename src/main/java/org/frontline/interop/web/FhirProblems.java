package org.frontline.interop.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.frontline.interop.internal.Fhir;
import org.frontline.interop.internal.Outcomes;
import org.frontline.shared.Problem;
import org.frontline.shared.web.ProblemFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Problems written before a FHIR controller is reached (401 without a valid token, 403 for a role the path refuses, a
 * body over the limit) as OperationOutcomes, as a FHIR client expects from every answer under {@code /fhir}.
 */
@Component
class FhirProblems implements ProblemFormat {

	private final Fhir fhir;

	private final Outcomes outcomes;

	FhirProblems(Fhir fhir, Outcomes outcomes) {
		this.fhir = fhir;
		this.outcomes = outcomes;
	}

	@Override
	public boolean claims(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/fhir") || path.startsWith("/fhir/");
	}

	@Override
	public void write(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
		byte[] body = fhir.writer().encodeResourceToString(outcomes.of(problem)).getBytes(StandardCharsets.UTF_8);
		if (problem.retryAfterSeconds() != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(problem.retryAfterSeconds()));
		}
		response.setStatus(problem.status().value());
		response.setContentType(FhirEndpoint.FHIR_JSON.toString());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}
}
