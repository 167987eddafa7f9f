package org.frontline.interop.web;

import java.nio.charset.StandardCharsets;

import ca.uhn.fhir.parser.DataFormatException;
import jakarta.servlet.http.HttpServletRequest;
import org.frontline.interop.internal.Fhir;
import org.frontline.interop.internal.LabResults.TransactionRefused;
import org.frontline.interop.internal.Outcomes;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What every FHIR endpoint shares: answers as {@code application/fhir+json}, and every failure as an OperationOutcome
 * with its status (the problem's stable type in the details, the wrong field as its expression).
 */
abstract class FhirEndpoint {

	static final MediaType FHIR_JSON = new MediaType("application", "fhir+json", StandardCharsets.UTF_8);

	private static final Logger log = LoggerFactory.getLogger(FhirEndpoint.class);

	protected final Fhir fhir;

	protected final Outcomes outcomes;

	@Value("${frontline.public-url:}")
	private String publicUrl;

	FhirEndpoint(Fhir fhir, Outcomes outcomes) {
		this.fhir = fhir;
		this.outcomes = outcomes;
	}

	ResponseEntity<String> answer(int status, IBaseResource resource) {
		return ResponseEntity.status(status).contentType(FHIR_JSON).body(fhir.writer().encodeResourceToString(resource));
	}

	/** The FHIR base URL (absolute, as FHIR wants it): the configured public URL, else the one this request came to. */
	String base() {
		String root = publicUrl == null || publicUrl.isBlank() || publicUrl.strip().equals("/")
				? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : publicUrl.strip();
		return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/fhir";
	}

	@ExceptionHandler(Problem.class)
	ResponseEntity<String> problem(Problem problem) {
		ResponseEntity<String> answer = answer(problem.status().value(), outcomes.of(problem));
		return problem.retryAfterSeconds() == null ? answer
				: ResponseEntity.status(answer.getStatusCode())
					.header("Retry-After", Integer.toString(problem.retryAfterSeconds()))
					.contentType(FHIR_JSON)
					.body(answer.getBody());
	}

	@ExceptionHandler(TransactionRefused.class)
	ResponseEntity<String> refused(TransactionRefused refused) {
		return answer(refused.status(), refused.outcome());
	}

	@ExceptionHandler(DataFormatException.class)
	ResponseEntity<String> unreadable(DataFormatException ex) {
		String cause = firstLine(ex);
		return answer(400, outcomes.error(400, "malformed-body", Message.of("interop.unreadable",
				cause == null ? Message.of("interop.unreadable.content") : cause), null));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<String> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return answer(400, outcomes.error(400, "invalid-input",
				Message.of("problem.parameter.invalid", ex.getName(), String.valueOf(ex.getValue())), ex.getName()));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<String> missing(MissingServletRequestParameterException ex) {
		return answer(400, outcomes.error(400, "invalid-input",
				Message.of("problem.parameter.missing", ex.getParameterName()), ex.getParameterName()));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<String> mediaType(HttpMediaTypeNotSupportedException ex) {
		return answer(415, outcomes.error(415, "unsupported-media-type", Message.of("interop.media-type"), null));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<String> method(HttpRequestMethodNotSupportedException ex) {
		return answer(405, outcomes.error(405, "method-not-allowed", Message.of("problem.status.405"), null));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<String> denied(AccessDeniedException ex) {
		return problem(Problem.forbidden("problem.forbidden.role"));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<String> integrity(DataIntegrityViolationException ex) {
		log.info("Rejected a write that breaks a constraint: {}", ex.getMostSpecificCause().getMessage());
		return problem(Problem.conflict("constraint-violated", "problem.constraint-violated.detail"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<String> failure(Exception ex, HttpServletRequest request) {
		log.error("FHIR request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return answer(500, outcomes.error(500, "internal-error", Message.of("interop.failed"), null));
	}

	static String firstLine(Exception ex) {
		String message = ex.getMessage() == null ? "" : ex.getMessage().lines().findFirst().orElse("");
		message = message.replaceAll("HAPI-\\d+: ", "");
		if (message.isBlank() || message.matches("(?s).*\\b(java|ca\\.uhn|org\\.hl7|com\\.fasterxml)\\.[a-z].*")) {
			return null;
		}
		return message.length() > 300 ? message.substring(0, 300) : message;
	}
}
