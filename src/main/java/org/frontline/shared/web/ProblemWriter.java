package org.frontline.shared.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.frontline.shared.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * Writes an RFC 9457 problem body where no controller advice reaches: from a filter, or from a servlet of its own.
 * The body has the same members as the advice's ({@code type}, {@code title}, {@code status}, {@code detail},
 * {@code errors} when there are any), and {@code Retry-After} is set when the problem has one.
 */
@Component
public class ProblemWriter {

	private final ObjectMapper json;

	ProblemWriter(ObjectMapper json) {
		this.json = json;
	}

	public void write(HttpServletResponse response, Problem problem) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.type().toString());
		body.put("title", problem.title());
		body.put("status", problem.status().value());
		body.put("detail", problem.getMessage());
		if (!problem.errors().isEmpty()) {
			body.put("errors", problem.errors());
		}
		if (problem.retryAfterSeconds() != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(problem.retryAfterSeconds()));
		}
		byte[] bytes = json.writeValueAsBytes(body);
		response.setStatus(problem.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	public void write(HttpServletResponse response, int status, String type, String title, String detail)
			throws IOException {
		write(response, new Problem(HttpStatus.valueOf(status), type, title, detail, null));
	}
}
