package org.frontline.shared;

import java.util.function.BooleanSupplier;

/**
 * What a bulk ingest endpoint (device scans, lab results) declares about itself, as a bean of the module that serves
 * it: at most {@code maxConcurrent} of its requests are worked on at once per instance, at most {@code maxReadingBytes}
 * of their bodies are being read and parsed at once (one request is always taken when none is), and none is taken
 * while {@code backlogged} says the endpoint already holds more than it can store in time. The admission filter checks
 * it before a request's body is read; a refused request is answered at once with Retry-After and nothing of it is
 * stored.
 */
public record IngestLimit(String path, int maxConcurrent, long maxReadingBytes, BooleanSupplier backlogged) {

	/** No limit on the bodies being read at once. */
	public IngestLimit(String path, int maxConcurrent, BooleanSupplier backlogged) {
		this(path, maxConcurrent, Long.MAX_VALUE, backlogged);
	}

	/** A limit on concurrent requests only. */
	public static IngestLimit concurrent(String path, int maxConcurrent) {
		return new IngestLimit(path, maxConcurrent, () -> false);
	}
}
