package org.frontline.interop.internal;

import java.util.Comparator;
import java.util.List;

import org.frontline.testing.Outcome;
import org.frontline.testing.ResultRecords.Sampling;
import org.hl7.fhir.r4.model.Coding;

/**
 * What a tube's result says about one person in it. A single-person tube's result is the person's. A pooled tube's
 * negative result is a presumed negative for each member; a positive or invalid pool is not a result for anyone in it
 * (CDC's guidance for pooled testing): each member needs an individual retest.
 */
enum Finding {

	NEGATIVE(true, Codes.NOT_DETECTED), POSITIVE(true, Codes.DETECTED), INVALID(false, Codes.INVALID_RESULT),
	POOL_NEGATIVE(true, Codes.POOL_NEGATIVE, Codes.NOT_DETECTED), POOL_POSITIVE(false, Codes.POOL_POSITIVE),
	POOL_INVALID(false, Codes.POOL_INVALID), PENDING(false);

	private final boolean conclusive;

	private final Coding[] codings;

	Finding(boolean conclusive, Coding... codings) {
		this.conclusive = conclusive;
		this.codings = codings;
	}

	static Finding of(int poolSize, Outcome outcome) {
		if (outcome == null) {
			return PENDING;
		}
		boolean pooled = poolSize > 1;
		return switch (outcome) {
			case NEGATIVE -> pooled ? POOL_NEGATIVE : NEGATIVE;
			case POSITIVE -> pooled ? POOL_POSITIVE : POSITIVE;
			case INVALID -> pooled ? POOL_INVALID : INVALID;
		};
	}

	static Finding of(Sampling sampling) {
		return of(sampling.poolSize(), sampling.outcome());
	}

	/**
	 * A person's finding over a round: an individual positive anywhere in it, else the finding of their latest
	 * resulted sampling (a retest after a positive pool decides), else pending.
	 */
	static Finding ofRound(List<Sampling> samplings) {
		if (samplings.stream().anyMatch(s -> of(s) == POSITIVE)) {
			return POSITIVE;
		}
		return samplings.stream()
			.filter(s -> s.outcome() != null)
			.max(Comparator.comparing(Sampling::sampledAt).thenComparing(Sampling::sampleId))
			.map(Finding::of)
			.orElse(PENDING);
	}

	/** Whether the finding stands on its own, without a retest still to come. */
	boolean conclusive() {
		return conclusive;
	}

	Coding[] codings() {
		return codings;
	}
}
