package org.frontline.testing;

import java.time.Instant;
import java.util.List;

/** A sampling tube: its pool, who is in it, and its chain of custody up to the lab. */
public record Tube(long id, String code, long roundId, long siteId, int poolSize, int samples, TubeStatus status,
		Instant openedAt, String openedBy, Instant sealedAt, String sealedBy, String boxCode, List<Sample> people) {

	/** A person sampled into the tube (masked), and whether it was a confirmed re-sample. */
	public record Sample(long personId, String name, Instant sampledAt, String sampledBy, boolean resample) {
	}
}
