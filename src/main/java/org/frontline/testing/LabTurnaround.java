package org.frontline.testing;

/** How long a lab's tubes in a round took from first sample to posted result, in minutes. */
public record LabTurnaround(long labId, String lab, long tubes, Double p50Minutes, Double p90Minutes,
		Double p95Minutes, Double maxMinutes) {
}
