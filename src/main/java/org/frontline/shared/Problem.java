package org.frontline.shared;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure that leaves as an RFC 9457 problem: a stable type, a status, what is wrong and, where it applies, the
 * field or line that is wrong. Nothing was written when one is thrown from a service.
 * <p>
 * Its texts are {@link Message}s: a key of the module's message bundle and its arguments, put into words in the
 * reader's language when the problem is answered (see {@code docs/problems.md}). The title comes from
 * {@code problem.<type>} when the bundles have it, else from {@code problem.status.<code>}.
 */
public class Problem extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final Message title;

	private final Message detail;

	private final List<FieldError> errors;

	private final Integer retryAfterSeconds;

	private final Map<String, Object> properties;

	/** A problem whose detail is the message {@code key} with {@code args}; the title follows from the type. */
	public Problem(HttpStatus status, String type, String key, Object... args) {
		this(status, type, null, Message.of(key, args), List.of(), null);
	}

	/**
	 * A problem with its own title key; {@code title} and {@code detail} are message keys (a text that is no key is
	 * shown as it is).
	 */
	public Problem(HttpStatus status, String type, String title, String detail, List<FieldError> errors) {
		this(status, type, title == null ? null : Message.of(title), Message.of(detail), errors, null);
	}

	private Problem(HttpStatus status, String type, Message title, Message detail, List<FieldError> errors,
			Integer retryAfterSeconds) {
		this(status, type, title, detail, errors, retryAfterSeconds, Map.of());
	}

	private Problem(HttpStatus status, String type, Message title, Message detail, List<FieldError> errors,
			Integer retryAfterSeconds, Map<String, Object> properties) {
		super(detail.toString());
		this.properties = properties;
		this.status = status;
		this.type = type;
		this.title = title;
		this.detail = detail;
		this.errors = errors == null ? List.of() : List.copyOf(errors);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/**
	 * 429 with {@code Retry-After}: turned away before anything was done, to keep the service for what it can take; the
	 * same request may be sent again after the delay. (Unlike a 503, a 429 leaves the connection open.)
	 */
	public static Problem shed(String type, String key, int retryAfterSeconds, Object... args) {
		return new Problem(HttpStatus.TOO_MANY_REQUESTS, type, null, Message.of(key, args), List.of(), retryAfterSeconds);
	}

	/** 503 with {@code Retry-After}: nothing was done; the same request may be sent again after the delay. */
	public static Problem busy(String type, String key, int retryAfterSeconds, Object... args) {
		return new Problem(HttpStatus.SERVICE_UNAVAILABLE, type, null, Message.of(key, args), List.of(),
				retryAfterSeconds);
	}

	/**
	 * 503 with {@code Retry-After}: nothing was stored now; the same request may be sent again after the delay.
	 * {@code title} and {@code detail} are message keys (a text that is no key is shown as it is).
	 */
	public static Problem unavailable(String type, String title, String detail, int retryAfterSeconds) {
		return new Problem(HttpStatus.SERVICE_UNAVAILABLE, type, title == null ? null : Message.of(title),
				Message.of(detail), List.of(), retryAfterSeconds);
	}

	/** 429 with {@code Retry-After}: too many attempts; nothing was done, and the same may be tried after the delay. */
	public static Problem tooManyRequests(String type, String key, int retryAfterSeconds, Object... args) {
		return new Problem(HttpStatus.TOO_MANY_REQUESTS, type, null, Message.of(key, args), List.of(),
				retryAfterSeconds);
	}

	/** 400: the request body is not what the endpoint reads. Nothing of the parser's own text is passed on. */
	public static Problem malformedBody() {
		return new Problem(HttpStatus.BAD_REQUEST, "malformed-body", "problem.body.unreadable");
	}

	/** 400: the request body is not what the endpoint reads; the parser's text is not passed on. */
	public static Problem malformedBody(String cause) {
		return malformedBody();
	}

	/** 400: the body could be read, but the value at {@code field} is not what it should be. */
	public static Problem malformedBody(String field, String key, Object... args) {
		Message message = Message.of(key, args);
		return new Problem(HttpStatus.BAD_REQUEST, "malformed-body", null, message,
				List.of(new FieldError(field, message)), null);
	}

	/** 404; {@code key} names what was not found, e.g. {@code testing.round.not-found} with the round's id. */
	public static Problem notFound(String key, Object... args) {
		return new Problem(HttpStatus.NOT_FOUND, "not-found", key, args);
	}

	public static Problem forbidden(String key, Object... args) {
		return new Problem(HttpStatus.FORBIDDEN, "forbidden", key, args);
	}

	public static Problem unauthorized() {
		return new Problem(HttpStatus.UNAUTHORIZED, "unauthorized", "problem.unauthorized.detail");
	}

	public static Problem conflict(String type, String key, Object... args) {
		return new Problem(HttpStatus.CONFLICT, type, key, args);
	}

	/** 400 with one wrong field: {@code Problem.invalid("idNumber", "people.id-number.check-digit")}. */
	public static Problem invalid(String field, String key, Object... args) {
		return invalid(List.of(new FieldError(field, key, args)));
	}

	/** 400 with every wrong field; the detail lists them all. */
	public static Problem invalid(List<FieldError> errors) {
		return new Problem(HttpStatus.BAD_REQUEST, "invalid-input", null, Message.of("problem.invalid-input.detail"),
				errors, null);
	}

	/**
	 * 422: the request is well formed but a rule of the domain refuses it; {@link #with(String, Object)} adds the rule
	 * and its figures to the body.
	 */
	public static Problem unprocessable(String type, String key, Object... args) {
		return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, type, key, args);
	}

	/**
	 * The same problem with one more member in its body (an extension member of RFC 9457, e.g. {@code "rule"}), which
	 * is the same in every language: a value the client reads, not text for a person.
	 */
	public Problem with(String name, Object value) {
		Map<String, Object> more = new LinkedHashMap<>(properties);
		more.put(name, value);
		return new Problem(status, type, title, detail, errors, retryAfterSeconds, Collections.unmodifiableMap(more));
	}

	/** The extension members of the body, in the order they were added. */
	public Map<String, Object> properties() {
		return properties;
	}

	/** The same problem listing what is wrong item by item, e.g. each condition a release still lacks. */
	public Problem withErrors(List<FieldError> errors) {
		return new Problem(status, type, title, detail, errors, retryAfterSeconds, properties);
	}

	/** The same problem with a title of its own (a message key), e.g. {@code quarantine.release.blocked}. */
	public Problem titled(String key) {
		return new Problem(status, type, Message.of(key), detail, errors, retryAfterSeconds, properties);
	}

	public HttpStatus status() {
		return status;
	}

	/** The slug of the type URI ({@code invalid-input}, {@code not-found}, ...). */
	public String slug() {
		return type;
	}

	public URI type() {
		return typeUri(type);
	}

	/** The title's message, or null when it follows from the type and status. */
	public Message title() {
		return title;
	}

	public Message detail() {
		return detail;
	}

	public List<FieldError> errors() {
		return errors;
	}

	/** Seconds after which the request may be sent again, or null. */
	public Integer retryAfterSeconds() {
		return retryAfterSeconds;
	}

	public static URI typeUri(String slug) {
		return URI.create("https://frontline.org/problems/" + slug);
	}

	/** A field whose value is wrong, and why; {@code field} is the name the request uses ({@code rooms[1].number}). */
	public record FieldError(String field, Message message) {

		public FieldError(String field, String key, Object... args) {
			this(field, Message.of(key, args));
		}
	}

	/** Collects the wrong fields of a request, to throw them all at once. */
	public static final class Errors {

		private final List<FieldError> errors = new ArrayList<>();

		public Errors add(String field, String key, Object... args) {
			errors.add(new FieldError(field, key, args));
			return this;
		}

		public Errors addAll(List<FieldError> more) {
			errors.addAll(more);
			return this;
		}

		public boolean isEmpty() {
			return errors.isEmpty();
		}

		public List<FieldError> list() {
			return List.copyOf(errors);
		}

		/** Throws {@link Problem#invalid(List)} when any field is wrong. */
		public void throwIfAny() {
			if (!errors.isEmpty()) {
				throw invalid(errors);
			}
		}
	}
}
