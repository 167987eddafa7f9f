package org.frontline.shared.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control for the bulk ingest endpoints (device scans, lab results). At most {@code max-concurrent} such
 * requests are worked on at once per instance; a request that cannot start within {@code max-wait} is answered 503
 * with {@code Retry-After} at once, which devices honour by resending later. A surge so cannot queue up requests
 * until they time out, nor starve the pages and the health check of threads and connections.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class IngestAdmission extends OncePerRequestFilter {

	private static final List<String> INGEST = List.of("/api/v1/scans", "/api/v1/results");

	private final Semaphore permits;

	private final long maxWaitMillis;

	private final AtomicLong shed = new AtomicLong();

	IngestAdmission(@Value("${frontline.ingest.max-concurrent:48}") int maxConcurrent,
			@Value("${frontline.ingest.max-wait-ms:250}") long maxWaitMillis) {
		this.permits = new Semaphore(maxConcurrent);
		this.maxWaitMillis = maxWaitMillis;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !INGEST.contains(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean admitted;
		try {
			admitted = permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			admitted = false;
		}
		if (!admitted) {
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
			permits.release();
		}
	}

	long shed() {
		return shed.get();
	}
}
