package org.frontline.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import org.frontline.shared.DatabaseUnavailable;
import org.frontline.shared.Problem;
import org.frontline.shared.Validation;
import org.frontline.shared.WriteConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into an RFC 9457 problem for the API and into an error page for people, with the status and
 * reason kept and the text in the reader's language (see {@link Texts}). Spring's own request failures (a missing
 * parameter, an unreadable body, a wrong method) are answered the same way, never with the framework's English.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandling {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	private static final Set<Integer> HTTP_KEYS = Set.of(400, 404, 405, 406, 413, 415, 500, 503);

	private final Texts texts;

	ProblemHandling(Texts texts) {
		this.texts = texts;
	}

	@ExceptionHandler(Problem.class)
	Object problem(Problem problem, HttpServletRequest request, HttpServletResponse response) {
		if (problem.retryAfterSeconds() != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(problem.retryAfterSeconds()));
		}
		return respond(request, problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object accessDenied(AccessDeniedException ex, HttpServletRequest request, HttpServletResponse response) {
		return problem(Problem.forbidden("problem.forbidden.role"), request, response);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	Object integrity(DataIntegrityViolationException ex, HttpServletRequest request, HttpServletResponse response) {
		log.info("Rejected a write that breaks a constraint: {}", ex.getMostSpecificCause().getMessage());
		return problem(Problem.conflict("constraint-violated", "problem.constraint-violated.detail"), request,
				response);
	}

	/** The database is unavailable (a failover): 503 with Retry-After; any other data access failure stays a 500. */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	Object database(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		if (!DatabaseUnavailable.causedBy(ex)) {
			throw ex;
		}
		return problem(DatabaseUnavailable.problem(), request, response);
	}

	/** The transaction lost a deadlock or a serialization conflict: nothing was stored, 503 with Retry-After. */
	@ExceptionHandler(PessimisticLockingFailureException.class)
	Object writeConflict(PessimisticLockingFailureException ex, HttpServletRequest request,
			HttpServletResponse response) {
		log.info("Request {} {} lost to a concurrent write and is asked again: {}", request.getMethod(),
				request.getRequestURI(), ex.getMostSpecificCause().getMessage());
		return problem(WriteConflict.problem(), request, response);
	}

	@ExceptionHandler({ HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
			HttpMediaTypeNotAcceptableException.class, MissingPathVariableException.class,
			MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
			ServletRequestBindingException.class, MethodArgumentNotValidException.class,
			HandlerMethodValidationException.class, NoHandlerFoundException.class, NoResourceFoundException.class,
			AsyncRequestTimeoutException.class, ErrorResponseException.class, MaxUploadSizeExceededException.class,
			ConversionNotSupportedException.class, TypeMismatchException.class, HttpMessageNotReadableException.class,
			HttpMessageNotWritableException.class, MethodValidationException.class })
	Object framework(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		Problem problem = translate(ex);
		if (problem.status().is5xxServerError()) {
			log.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		}
		if (ex instanceof ErrorResponse error) {
			error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		}
		return problem(problem, request, response);
	}

	static Problem translate(Exception ex) {
		if (ex instanceof MissingServletRequestParameterException missing) {
			return Problem.invalid(missing.getParameterName(), "problem.parameter.missing", missing.getParameterName());
		}
		if (ex instanceof MissingServletRequestPartException missing) {
			return Problem.invalid(missing.getRequestPartName(), "problem.parameter.missing",
					missing.getRequestPartName());
		}
		if (ex instanceof MethodArgumentNotValidException invalid) {
			return Problem.invalid(errors(invalid.getBindingResult()));
		}
		if (ex instanceof HandlerMethodValidationException invalid) {
			return Problem.invalid(errors(invalid));
		}
		if (ex instanceof TypeMismatchException mismatch) {
			String name = mismatch.getPropertyName() == null ? "value" : mismatch.getPropertyName();
			return Problem.invalid(name, "problem.parameter.invalid", name, shortened(mismatch.getValue()));
		}
		if (ex instanceof HttpMessageNotReadableException unreadable) {
			return BodyProblems.of(unreadable);
		}
		if (ex instanceof MaxUploadSizeExceededException tooLarge) {
			return tooLarge.getMaxUploadSize() > 0
					? new Problem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "problem.upload-too-large.bytes",
							tooLarge.getMaxUploadSize())
					: new Problem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "problem.upload-too-large.detail");
		}
		if (ex instanceof ErrorResponse error) {
			return http(HttpStatus.valueOf(error.getStatusCode().value()));
		}
		return http(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	private static List<Problem.FieldError> errors(BindingResult result) {
		List<Problem.FieldError> errors = new ArrayList<>();
		for (FieldError error : result.getFieldErrors()) {
			errors.add(violation(error).map(Validation::error)
				.orElseGet(() -> new Problem.FieldError(error.getField(), "problem.field.invalid", error.getField())));
		}
		return errors;
	}

	private static List<Problem.FieldError> errors(HandlerMethodValidationException invalid) {
		List<Problem.FieldError> errors = new ArrayList<>();
		for (ParameterValidationResult result : invalid.getParameterValidationResults()) {
			String name = result.getMethodParameter().getParameterName();
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				ConstraintViolation<?> violation = null;
				try {
					violation = result.unwrap(error, ConstraintViolation.class);
				}
				catch (IllegalArgumentException notBeanValidation) {
					// another kind of validation failure: named by the parameter alone
				}
				errors.add(violation == null ? new Problem.FieldError(name, "problem.field.invalid", name)
						: Validation.error(violation));
			}
		}
		return errors;
	}

	private static Optional<ConstraintViolation<?>> violation(FieldError error) {
		try {
			return Optional.of(error.unwrap(ConstraintViolation.class));
		}
		catch (IllegalArgumentException notBeanValidation) {
			return Optional.empty();
		}
	}

	private static Problem http(HttpStatus status) {
		int code = status.value();
		return new Problem(status, "http-" + code, HTTP_KEYS.contains(code) ? "problem.http." + code : "problem.http");
	}

	private static String shortened(Object value) {
		String text = String.valueOf(value);
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

	private Object respond(HttpServletRequest request, Problem problem) {
		ProblemDetail body = texts.detail(problem, texts.locale(request));
		if (wantsJson(request)) {
			return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
		}
		ModelAndView page = new ModelAndView("error", Map.of("status", problem.status().value(), "problem", body));
		page.setStatus(problem.status());
		return page;
	}

	/** An API call (the JSON API, or FHIR's, which answers its own failures as OperationOutcomes). */
	static boolean wantsJson(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri.startsWith(request.getContextPath() + "/api/") || uri.startsWith(request.getContextPath() + "/fhir");
	}
}
