package org.frontline.supplies;

import java.util.List;

/** The answers to a batch of movements, in the order they were sent. */
public record BatchResult(List<MovementResult> results) {

	public long count(MovementStatus status) {
		return results.stream().filter(r -> r.status() == status).count();
	}
}
