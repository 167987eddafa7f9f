package org.frontline.shared.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.frontline.shared.IngestBacklog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control for the bulk ingest endpoints (device scans, lab results). At most {@code max-concurrent} such
 * requests per endpoint are worked on at once per instance; one more is answered 503 with {@code Retry-After} at
 * once, without waiting for a thread or a connection, and devices resend it later. A surge so never holds more than
 * those threads, and the pages and the health check always find threads and database connections of their own.
 * Scans wait mostly for a shared commit, so many can be in flight; results each hold a database connection. An
 * endpoint whose queue is already full ({@link IngestBacklog}) is refused here too, before its body is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class IngestAdmission extends OncePerRequestFilter {

	private final Map<String, Semaphore> permits;

	private final Map<String, IngestBacklog> backlogs;

	private final AtomicLong shed = new AtomicLong();

	IngestAdmission(@Value("${frontline.ingest.scans.max-concurrent:256}") int scans,
			@Value("${frontline.ingest.results.max-concurrent:16}") int results, List<IngestBacklog> backlogs) {
		this.permits = Map.of("/api/v1/scans", new Semaphore(scans), "/api/v1/results", new Semaphore(results));
		this.backlogs = backlogs.stream().collect(Collectors.toMap(IngestBacklog::path, b -> b));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !permits.containsKey(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Semaphore endpoint = permits.get(request.getRequestURI());
		IngestBacklog backlog = backlogs.get(request.getRequestURI());
		if ((backlog != null && backlog.full()) || !endpoint.tryAcquire()) {
			shed.incrementAndGet();
			response.setStatus(503);
			response.setHeader("Retry-After", "1");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"https://frontline.org/problems/busy\",\"title\":\"Busy\",\"status\":503,"
						+ "\"detail\":\"Too many uploads at once; nothing was stored. Send the same events again after "
						+ "the Retry-After delay.\"}");
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			endpoint.release();
		}
	}

	long shed() {
		return shed.get();
	}
}
