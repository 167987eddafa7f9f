package org.frontline.testing.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.frontline.shared.Problem;
import org.frontline.shared.web.ProblemWriter;
import org.frontline.testing.ScanBatch;
import org.frontline.testing.ScanResult;
import org.frontline.testing.Scans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.EnumFeature;

/**
 * {@code POST /api/v1/scans}, the device protocol, as a servlet of its own: it is the one endpoint that thousands of
 * phones call once per scan, so it skips Spring MVC's dispatch (handler lookup, argument resolution, message
 * conversion, advice), which cost more CPU than the scan itself. The security filters run as for every API request
 * (token or session, CSRF, role), and so do the admission and body-size filters.
 *
 * <p>
 * It is asynchronous: the request thread parses and queues the batch and is free again; the answer is written when
 * the batch's group is committed. A thousand devices waiting for a commit so hold no thousand threads. The answers
 * are written by a few threads of the servlet's own, not the container's: a committed group answers hundreds of
 * requests at once, and in the container's queue those answers would hold up the requests that arrive meanwhile,
 * refusals included (which must be answered at once).
 */
class ScanServlet extends HttpServlet {

	private static final Logger log = LoggerFactory.getLogger(ScanServlet.class);

	private final transient Scans scans;

	private final transient ProblemWriter problems;

	private final transient ObjectReader batches;

	private final transient ObjectWriter answers;

	/** How long a request waits for its group's commit before it is answered "send again". */
	private final long answerMillis;

	private final transient ExecutorService answering;

	ScanServlet(Scans scans, ProblemWriter problems, ObjectMapper json, long answerMillis, int answerThreads) {
		this.scans = scans;
		this.problems = problems;
		this.answerMillis = answerMillis;
		CustomizableThreadFactory threads = new CustomizableThreadFactory("scan-answer-");
		threads.setDaemon(true);
		this.answering = Executors.newFixedThreadPool(Math.max(1, answerThreads), threads);
		// An event type the protocol does not know is that event's error, not the whole batch's; a number is no type.
		this.batches = json.readerFor(ScanBatch.class)
			.withFeatures(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
		this.answers = json.writerFor(Answer.class);
	}

	/** What a device gets back: one result per event, in the order sent. */
	record Answer(List<ScanResult> results) {
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!"POST".equals(request.getMethod())) {
			response.setHeader("Allow", "POST");
			problems.write(request, response,
					new Problem(HttpStatus.METHOD_NOT_ALLOWED, "http-405", "problem.http.405"));
			return;
		}
		MediaType type = contentType(request);
		if (type == null || !(MediaType.APPLICATION_JSON.includes(type) || "json".equals(type.getSubtypeSuffix()))) {
			problems.write(request, response,
					new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "http-415", "problem.http.415"));
			return;
		}
		ScanBatch batch;
		try {
			batch = batches.readValue(request.getInputStream());
		}
		catch (JacksonException ex) {
			problems.write(request, response, Problem.malformedBody());
			return;
		}
		CompletableFuture<List<ScanResult>> answer;
		try {
			answer = scans.submit(batch);
		}
		catch (Problem problem) {
			problems.write(request, response, problem);
			return;
		}
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(answerMillis);
		AtomicBoolean answered = new AtomicBoolean();
		async.addListener(new Unanswered(answered, problems));
		answer.whenComplete((results, failure) -> {
			try {
				answering.execute(() -> respond(async, answered, results, failure));
			}
			catch (RejectedExecutionException stopping) {
				// The servlet is being destroyed: the container's timeout answers "send again" if it still can.
				log.debug("A scan answer was left to the container's timeout: the servlet is stopping");
			}
		});
	}

	@Override
	public void destroy() {
		answering.shutdown();
		super.destroy();
	}

	/** Writes the results, or the problem the batch failed with. */
	private void respond(AsyncContext async, AtomicBoolean answered, List<ScanResult> results, Throwable failure) {
		if (!answered.compareAndSet(false, true)) {
			return;
		}
		HttpServletResponse response = (HttpServletResponse) async.getResponse();
		try {
			if (failure == null) {
				byte[] body = answers.writeValueAsBytes(new Answer(results));
				response.setStatus(200);
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.setContentLength(body.length);
				response.getOutputStream().write(body);
			}
			else {
				Throwable cause = failure instanceof CompletionException && failure.getCause() != null
						? failure.getCause() : failure;
				problems.write((HttpServletRequest) async.getRequest(), response,
						cause instanceof Problem problem ? problem : Scans.unavailable());
			}
		}
		catch (IOException | RuntimeException ex) {
			// The device went away; it sends the same events again and gets DUPLICATE for what was stored.
			log.debug("Could not answer a scan request: {}", ex.toString());
		}
		finally {
			try {
				async.complete();
			}
			catch (IllegalStateException containerGaveUp) {
				// The connection broke meanwhile and the container ended the request itself.
			}
		}
	}

	/**
	 * A request whose group was not committed in time is answered "send again" (nothing is stored twice), and a
	 * request the container gave up on (broken connection) is not answered later.
	 */
	private record Unanswered(AtomicBoolean answered, ProblemWriter problems) implements AsyncListener {

		@Override
		public void onTimeout(AsyncEvent event) throws IOException {
			try {
				if (answered.compareAndSet(false, true)) {
					problems.write((HttpServletRequest) event.getAsyncContext().getRequest(),
							(HttpServletResponse) event.getAsyncContext().getResponse(), Scans.unavailable());
				}
			}
			finally {
				event.getAsyncContext().complete();
			}
		}

		@Override
		public void onError(AsyncEvent event) {
			answered.set(true);
		}

		@Override
		public void onComplete(AsyncEvent event) {
			answered.set(true);
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			// nothing to do
		}
	}

	private static MediaType contentType(HttpServletRequest request) {
		try {
			return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}
}
