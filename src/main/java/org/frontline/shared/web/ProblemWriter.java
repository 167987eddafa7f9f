package org.frontline.shared.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.frontline.shared.Problem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * Writes an RFC 9457 problem body where no controller advice reaches: from a filter, or from a servlet of its own.
 * The body has the same members as the advice's ({@code type}, {@code title}, {@code status}, {@code detail},
 * {@code errors} when there are any) in the request's language, and {@code Retry-After} is set when the problem has
 * one.
 */
@Component
public class ProblemWriter {

	private final ObjectMapper json;

	private final Texts texts;

	private final ObjectProvider<ProblemFormat> formats;

	ProblemWriter(ObjectMapper json, Texts texts, ObjectProvider<ProblemFormat> formats) {
		this.json = json;
		this.texts = texts;
		this.formats = formats;
	}

	/** As a problem, or in the format of the module whose path the request is for ({@link ProblemFormat}). */
	public void write(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
		ProblemFormat format = formats.orderedStream().filter(f -> f.claims(request)).findFirst().orElse(null);
		if (format != null) {
			format.write(request, response, problem);
			return;
		}
		write(response, problem, texts.locale(request));
	}

	/** Without the request at hand: in the language of the request being served, if any. */
	public void write(HttpServletResponse response, Problem problem) throws IOException {
		write(response, problem, texts.locale());
	}

	/** {@code title} and {@code detail} are message keys (a text that is no key is written as it is). */
	public void write(HttpServletResponse response, int status, String type, String title, String detail)
			throws IOException {
		write(response, new Problem(HttpStatus.valueOf(status), type, null, detail, null));
	}

	/** The body {@link #write} sends for a problem in a language, for a response sent many times over. */
	public byte[] body(Problem problem, Locale locale) {
		ProblemDetail detail = texts.detail(problem, locale);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", detail.getType().toString());
		body.put("title", detail.getTitle());
		body.put("status", detail.getStatus());
		body.put("detail", detail.getDetail());
		if (detail.getProperties() != null && detail.getProperties().containsKey("errors")) {
			body.put("errors", detail.getProperties().get("errors"));
		}
		return json.writeValueAsBytes(body);
	}

	private void write(HttpServletResponse response, Problem problem, Locale locale) throws IOException {
		write(response, problem, body(problem, locale));
	}

	/** Writes a problem whose body was made before ({@link #body}), with its status and Retry-After. */
	public void write(HttpServletResponse response, Problem problem, byte[] body) throws IOException {
		if (problem.retryAfterSeconds() != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(problem.retryAfterSeconds()));
		}
		response.setStatus(problem.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}
}
