package org.frontline.shared.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.frontline.shared.IngestBacklog;
import org.frontline.shared.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control for the bulk ingest endpoints (device scans, lab results). At most {@code max-concurrent} such
 * requests per endpoint are worked on at once per instance; one more is answered 503 with {@code Retry-After} at
 * once, without waiting for a thread or a connection, and devices resend it later. A surge so never holds more than
 * those threads, and the pages and the health check always find threads and database connections of their own.
 * Scans wait for a shared commit without holding a thread, so many can be in flight (their committers' queue limit
 * bounds how long they wait); results each hold a database connection. An
 * endpoint whose queue is already full ({@link IngestBacklog}) is refused here too, before its body is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class IngestAdmission extends OncePerRequestFilter {

	private final Map<String, Semaphore> permits;

	private final Map<String, IngestBacklog> backlogs;

	private final AtomicLong shed = new AtomicLong();

	private final ProblemWriter problems;

	IngestAdmission(@Value("${frontline.ingest.scans.max-concurrent:2000}") int scans,
			@Value("${frontline.ingest.results.max-concurrent:16}") int results, List<IngestBacklog> backlogs,
			ProblemWriter problems) {
		this.problems = problems;
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
			problems.write(request, response, Problem.busy("busy", "problem.busy.resend", 1));
			return;
		}
		boolean waiting = false;
		try {
			chain.doFilter(request, response);
			if (request.isAsyncStarted()) {
				// Answered later (scans wait for their group's commit): the permit is held until then.
				request.getAsyncContext().addListener(new Release(endpoint));
				waiting = true;
			}
		}
		finally {
			if (!waiting) {
				endpoint.release();
			}
		}
	}

	/** Gives a permit back once, when an asynchronous request ends however it ends. */
	private static final class Release implements AsyncListener {

		private final Semaphore endpoint;

		private final AtomicBoolean released = new AtomicBoolean();

		Release(Semaphore endpoint) {
			this.endpoint = endpoint;
		}

		private void release() {
			if (released.compareAndSet(false, true)) {
				endpoint.release();
			}
		}

		@Override
		public void onComplete(AsyncEvent event) {
			release();
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			release();
		}

		@Override
		public void onError(AsyncEvent event) {
			release();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			// the same request, still waiting
		}
	}

	long shed() {
		return shed.get();
	}
}
