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
import org.frontline.shared.IngestLimit;
import org.frontline.shared.Problem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control for the bulk ingest endpoints, each declared by its module as an {@link IngestLimit}: a request
 * past the endpoint's concurrent limit, or to an endpoint that is already backlogged, is answered 503 with
 * {@code Retry-After} at once, before its body is read, and the device sends it again later. A surge so never holds
 * more than those requests, and pages and the health check keep threads and database connections of their own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class IngestAdmission extends OncePerRequestFilter {

	private final Map<String, Semaphore> permits;

	private final Map<String, IngestLimit> limits;

	private final AtomicLong shed = new AtomicLong();

	private final ProblemWriter problems;

	IngestAdmission(List<IngestLimit> limits, ProblemWriter problems) {
		this.problems = problems;
		this.limits = limits.stream().collect(Collectors.toMap(IngestLimit::path, l -> l));
		this.permits = limits.stream().collect(Collectors.toMap(IngestLimit::path, l -> new Semaphore(l.maxConcurrent())));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !permits.containsKey(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Semaphore endpoint = permits.get(request.getRequestURI());
		if (limits.get(request.getRequestURI()).backlogged().getAsBoolean() || !endpoint.tryAcquire()) {
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
