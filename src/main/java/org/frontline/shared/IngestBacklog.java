package org.frontline.shared;

/**
 * What a module with a bulk ingest endpoint tells the admission filter: whether its queue is already beyond what it
 * can store in time. A request to a full endpoint is answered 503 with Retry-After before its body is read.
 */
public interface IngestBacklog {

	/** The request path this backlog belongs to, e.g. {@code /api/v1/scans}. */
	String path();

	/** True when new requests would wait longer than allowed. */
	boolean full();
}
