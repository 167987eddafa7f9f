package org.frontline.shared.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.frontline.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 problem for the API and into an error page for people, with the status and
 * reason kept.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	@ExceptionHandler(Problem.class)
	Object problem(Problem problem, HttpServletRequest request, HttpServletResponse response) {
		if (problem.retryAfterSeconds() != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(problem.retryAfterSeconds()));
		}
		return respond(request, response, problem.status(), problemDetail(problem));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request,
			HttpServletResponse response) {
		Problem problem = Problem.invalid(ex.getName(), "'" + ex.getValue() + "' is not a valid value.");
		return respond(request, response, problem.status(), problemDetail(problem));
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object accessDenied(AccessDeniedException ex, HttpServletRequest request, HttpServletResponse response) {
		return problem(Problem.forbidden("Your role does not allow this."), request, response);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	Object integrity(DataIntegrityViolationException ex, HttpServletRequest request, HttpServletResponse response) {
		log.info("Rejected a write that breaks a constraint: {}", ex.getMostSpecificCause().getMessage());
		return problem(Problem.conflict("constraint-violated", "The change conflicts with data already stored."),
				request, response);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Problem problem = new Problem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large",
				ex.getMaxUploadSize() > 0 ? "The upload is larger than the allowed " + ex.getMaxUploadSize() + " bytes."
						: "The upload is larger than allowed (20 MB per file).", null);
		return json(problem.status(), problemDetail(problem));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		Problem problem = Problem.malformedBody(cause == null ? "The request body could not be read." : cause.getMessage());
		return json(problem.status(), problemDetail(problem));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problem.FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> new Problem.FieldError(e.getField(), e.getDefaultMessage()))
			.toList();
		return json(HttpStatus.BAD_REQUEST, problemDetail(Problem.invalid(errors)));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail detail && detail.getType() != null
				&& "about:blank".equals(detail.getType().toString())) {
			detail.setType(Problem.typeUri("http-" + statusCode.value()));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	static ProblemDetail problemDetail(Problem problem) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
		detail.setType(problem.type());
		detail.setTitle(problem.title());
		if (!problem.errors().isEmpty()) {
			detail.setProperty("errors", problem.errors());
		}
		return detail;
	}

	private static Object respond(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			ProblemDetail body) {
		if (wantsJson(request)) {
			return json(status, body);
		}
		ModelAndView page = new ModelAndView("error", Map.of("status", status.value(), "problem", body));
		page.setStatus(status);
		return page;
	}

	private static ResponseEntity<Object> json(HttpStatus status, ProblemDetail body) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	static boolean wantsJson(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}
}
