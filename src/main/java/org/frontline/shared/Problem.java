package org.frontline.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure that leaves as an RFC 9457 problem: a stable type, a status, what is wrong and, where it applies, the
 * field or line that is wrong. Nothing was written when one is thrown from a service.
 */
public class Problem extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final String title;

	private final List<Map<String, Object>> errors;

	private final Integer retryAfterSeconds;

	public Problem(HttpStatus status, String type, String title, String detail, List<Map<String, Object>> errors) {
		this(status, type, title, detail, errors, null);
	}

	private Problem(HttpStatus status, String type, String title, String detail, List<Map<String, Object>> errors,
			Integer retryAfterSeconds) {
		super(detail);
		this.status = status;
		this.type = type;
		this.title = title;
		this.errors = errors == null ? List.of() : List.copyOf(errors);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/** 503 with {@code Retry-After}: nothing was done; the same request may be sent again after the delay. */
	public static Problem busy(String type, String detail, int retryAfterSeconds) {
		return new Problem(HttpStatus.SERVICE_UNAVAILABLE, type, "Busy", detail, null, retryAfterSeconds);
	}

	/** 400: the request body is not what the endpoint reads; {@code cause} is the parser's message (its first line). */
	public static Problem malformedBody(String cause) {
		String line = cause == null ? "" : cause.lines().findFirst().orElse("");
		return new Problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
				"Malformed request body: " + (line.length() > 300 ? line.substring(0, 300) : line), null);
	}

	public static Problem notFound(String what) {
		return new Problem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found.", null);
	}

	public static Problem forbidden(String detail) {
		return new Problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, null);
	}

	public static Problem unauthorized() {
		return new Problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "Sign in first.", null);
	}

	public static Problem conflict(String type, String detail) {
		return new Problem(HttpStatus.CONFLICT, type, "Conflict", detail, null);
	}

	public static Problem invalid(String field, String detail) {
		return new Problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail,
				List.of(Map.of("field", field, "message", detail)));
	}

	public static Problem invalid(List<FieldError> errors) {
		String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("");
		return new Problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail,
				errors.stream().map(e -> Map.<String, Object>of("field", e.field(), "message", e.message())).toList());
	}

	public HttpStatus status() {
		return status;
	}

	public URI type() {
		return typeUri(type);
	}

	public String title() {
		return title;
	}

	public List<Map<String, Object>> errors() {
		return errors;
	}

	/** Seconds after which the request may be sent again, or null. */
	public Integer retryAfterSeconds() {
		return retryAfterSeconds;
	}

	public static URI typeUri(String slug) {
		return URI.create("https://frontline.org/problems/" + slug);
	}

	/** A field whose value is wrong, and why. */
	public record FieldError(String field, String message) {
	}
}
