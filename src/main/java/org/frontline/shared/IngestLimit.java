package org.frontline.shared;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What a bulk ingest endpoint (device scans, lab results) declares about itself, as a bean of the module that serves
 * it: at most {@code maxConcurrent} of its requests are worked on at once per instance, and fewer when
 * {@code inFlight} is given (below), at most {@code maxReadingBytes} of their bodies are being read and parsed at once
 * (one request is always taken when none is), and none is taken while {@code backlogged} says the endpoint already
 * holds more than it can store in time. The admission filter checks it before a request's body is read; a refused
 * request is answered at once with Retry-After and nothing of it is stored.
 *
 * <p>
 * {@code inFlight}, when not null, keeps the requests in flight to about as many as the endpoint answers in
 * {@code inFlight.within()} (by Little's law, so that an accepted request waits about that long), and never fewer than
 * {@code inFlight.atLeast()}: devices that send one event a request get as many in flight as their rate needs while
 * they are answered within that time, and devices that send their outboxes are held to fewer, larger requests. Devices
 * that send one event a request and are answered more slowly than that (an instance near its capacity for them) are
 * refused, send less, and so get fewer still: those fleets want no such limit.
 */
public record IngestLimit(String path, int maxConcurrent, long maxReadingBytes, BooleanSupplier backlogged,
		InFlight inFlight) {

	/** In flight: as many requests as are answered in {@code within}, at least {@code atLeast}. */
	public record InFlight(Duration within, int atLeast) {
	}

	/** No limit following the rate. */
	public IngestLimit(String path, int maxConcurrent, long maxReadingBytes, BooleanSupplier backlogged) {
		this(path, maxConcurrent, maxReadingBytes, backlogged, null);
	}

	/** No limit on the bodies being read at once. */
	public IngestLimit(String path, int maxConcurrent, BooleanSupplier backlogged) {
		this(path, maxConcurrent, Long.MAX_VALUE, backlogged);
	}

	/** A limit on concurrent requests only. */
	public static IngestLimit concurrent(String path, int maxConcurrent) {
		return new IngestLimit(path, maxConcurrent, () -> false);
	}
}
