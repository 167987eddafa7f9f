package org.frontline.application;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.frontline.shared.web.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a JSON request body larger than {@link #MAX_BYTES} before anything reads it: no API call needs more, and an
 * enormous body must not tie up memory or a worker. Files (CSV, XLSX) have their own, larger limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class JsonBodyLimit extends OncePerRequestFilter {

	static final long MAX_BYTES = 4L * 1024 * 1024;

	private final ProblemWriter problems;

	JsonBodyLimit(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.toLowerCase().contains("json") && request.getContentLengthLong() > MAX_BYTES) {
			problems.write(response, 413, "body-too-large", "Request body too large",
					"A JSON request body may have at most " + MAX_BYTES / 1024 / 1024 + " MB.");
			return;
		}
		chain.doFilter(request, response);
	}
}
