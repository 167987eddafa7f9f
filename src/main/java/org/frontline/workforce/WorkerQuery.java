package org.frontline.workforce;

/** A page of the workers list: inside an area or of a unit, of a kind or status, matching a name, phone or document. */
public record WorkerQuery(String area, Long unit, WorkerKind kind, WorkerStatus status, String text, int page,
		int size) {
}
