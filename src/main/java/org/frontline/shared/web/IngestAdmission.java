package org.frontline.shared.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.frontline.shared.IngestLimit;
import org.frontline.shared.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control for the bulk ingest endpoints, each declared by its module as an {@link IngestLimit}. A request
 * past the endpoint's concurrent limit (fixed, or following the rate its requests are answered at, recomputed once a
 * second), or to an endpoint that is already backlogged, is answered at once, before its caller is authenticated or
 * its body read: 429 (which, unlike a 503, leaves the device's connection open) with a body made once per language and
 * a {@code Retry-After} that grows with how many of the endpoint's requests it turned away lately and is spread at
 * random over [d, 2d], so that devices turned away together do not come back together. A surge so costs little more
 * than the requests the endpoint can take, and pages and the health check keep threads and database connections of
 * their own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class IngestAdmission extends OncePerRequestFilter {

	private final Map<String, Endpoint> endpoints;

	private final ProblemWriter problems;

	private final Texts texts;

	/**
	 * {@code frontline.ingest.max-retry-after} (15) is the longest base delay in seconds; a device waits between the
	 * base and twice it.
	 */
	IngestAdmission(List<IngestLimit> limits, ProblemWriter problems, Texts texts,
			@Value("${frontline.ingest.max-retry-after:15}") int maxRetryAfter) {
		this.problems = problems;
		this.texts = texts;
		this.endpoints = limits.stream()
			.collect(Collectors.toMap(IngestLimit::path, limit -> new Endpoint(limit, maxRetryAfter, System::nanoTime)));
	}

	/** An endpoint's limit and permits, and how many of its requests were turned away per request taken lately. */
	static final class Endpoint {

		final IngestLimit limit;

		final Semaphore permits;

		final AtomicLong refused = new AtomicLong();

		final AtomicLong admitted = new AtomicLong();

		final AtomicLong shed = new AtomicLong();

		/** Requests answered (permits given back) this second. */
		final AtomicLong answered = new AtomicLong();

		/** Bytes of the bodies of admitted requests that are still being read and parsed. */
		final AtomicLong reading = new AtomicLong();

		final Map<Locale, byte[]> bodies = new ConcurrentHashMap<>();

		private final int maxRetryAfter;

		private final LongSupplier nanoTime;

		private volatile long second;

		/** Requests refused per request admitted, smoothed over the last seconds. */
		private volatile double pressure;

		/** Requests answered per second, smoothed over the last seconds. */
		private volatile double answeredPerSecond;

		/** How many requests may be in flight now: the limit's maximum, or fewer when it follows the rate. */
		private volatile int allowed;

		Endpoint(IngestLimit limit, int maxRetryAfter, LongSupplier nanoTime) {
			this.limit = limit;
			this.maxRetryAfter = maxRetryAfter;
			this.nanoTime = nanoTime;
			this.second = nanoTime.getAsLong() / 1_000_000_000L;
			this.permits = new Semaphore(limit.maxConcurrent());
			this.allowed = limit.inFlight() == null ? limit.maxConcurrent()
					: Math.min(limit.maxConcurrent(), limit.inFlight().atLeast());
		}

		int inFlight() {
			return limit.maxConcurrent() - permits.availablePermits();
		}

		boolean admit(long bytes) {
			roll();
			if (limit.backlogged().getAsBoolean() || inFlight() >= allowed || !permits.tryAcquire()) {
				refused.incrementAndGet();
				shed.incrementAndGet();
				return false;
			}
			if (!startReading(bytes)) {
				permits.release();
				refused.incrementAndGet();
				shed.incrementAndGet();
				return false;
			}
			admitted.incrementAndGet();
			return true;
		}

		/**
		 * Whether a body of this many bytes may be read now: the bodies already being read and parsed leave room for it,
		 * or there are none. Every request taken while others are parsed waits for a request thread and a core behind
		 * them, refusals included, and what they carry past the committers' queue would be refused after parsing anyway.
		 */
		private boolean startReading(long bytes) {
			long now;
			do {
				now = reading.get();
				if (now > 0 && now + bytes > limit.maxReadingBytes()) {
					return false;
				}
			}
			while (!reading.compareAndSet(now, now + bytes));
			return true;
		}

		/** Seconds to wait: about one per request refused for each taken in the last seconds, at least one. */
		int retryAfter() {
			int base = (int) Math.max(1, Math.min(maxRetryAfter, Math.round(pressure)));
			return base + ThreadLocalRandom.current().nextInt(base + 1);
		}

		/** Little's law: as many requests in flight as are answered in the limit's time, within its bounds. */
		private void follow() {
			IngestLimit.InFlight inFlight = limit.inFlight();
			if (inFlight != null) {
				double perSecond = inFlight.within().toNanos() / 1e9 * answeredPerSecond;
				allowed = (int) Math.min(limit.maxConcurrent(), Math.max(inFlight.atLeast(), Math.round(perSecond)));
			}
		}

		/** A request admitted is answered (or failed): its permit goes back once. */
		void release() {
			answered.incrementAndGet();
			permits.release();
		}

		private void roll() {
			long now = nanoTime.getAsLong() / 1_000_000_000L;
			if (now == second) {
				return;
			}
			synchronized (this) {
				if (now != second) {
					double ratio = refused.getAndSet(0) / (double) Math.max(1, admitted.getAndSet(0));
					// A second without requests counts as a calm one.
					pressure = now - second > 1 ? 0.5 * pressure : 0.5 * pressure + 0.5 * ratio;
					// Halved for every second gone by, so that after a quiet spell the limit starts from the least.
					double kept = Math.pow(0.5, now - second);
					answeredPerSecond = kept * answeredPerSecond
							+ (1 - kept) * answered.getAndSet(0) / (double) (now - second);
					second = now;
					follow();
				}
			}
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !endpoints.containsKey(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Endpoint endpoint = endpoints.get(request.getRequestURI());
		// A body of unknown length (chunked) counts as the most the limit lets be read at once.
		long max = endpoint.limit.maxReadingBytes();
		long bytes = max == Long.MAX_VALUE ? 0 : request.getContentLengthLong() >= 0 ? request.getContentLengthLong() : max;
		if (!endpoint.admit(bytes)) {
			Problem refusal = Problem.shed("busy", "problem.busy.resend", endpoint.retryAfter());
			byte[] body = endpoint.bodies.computeIfAbsent(texts.locale(request), l -> problems.body(refusal, l));
			problems.write(response, refusal, body);
			return;
		}
		boolean waiting = false;
		try {
			try {
				chain.doFilter(request, response);
			}
			finally {
				// Read and parsed (or failed): the bytes no longer hold up others; the permit is held until answered.
				endpoint.reading.addAndGet(-bytes);
			}
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

		private final Endpoint endpoint;

		private final AtomicBoolean released = new AtomicBoolean();

		Release(Endpoint endpoint) {
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

	/** Requests this instance turned away at an endpoint since it started. */
	long shed(String path) {
		return endpoints.get(path).shed.get();
	}
}
