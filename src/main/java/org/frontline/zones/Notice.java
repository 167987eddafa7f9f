package org.frontline.zones;

import java.time.Instant;
import java.util.List;

/**
 * A control notice (通告) as published: number (第37号) of its authority, title, when it was published, from when and
 * until when it is in force, its full text, the notice it corrects or extends ({@code replaces}) and the one that
 * does so to it ({@code replacedBy}), and the measures it set. Never changed once published.
 */
public record Notice(long id, String authority, int number, String title, Instant publishedAt, Instant effectiveFrom,
		Instant effectiveUntil, String text, Long replaces, Integer replacesNumber, Long replacedBy,
		NoticeStatus status, List<Measure> measures, List<ClosedLoop> closedLoop) {

	/** A zone the notice set (at a level) or lifted ({@code level} null: out of every zone). */
	public record Measure(long zoneId, String area, String areaName, List<String> buildings, ZoneLevel level,
			ZoneLevel from) {
	}

	/** An enterprise the notice ordered into closed loop ({@code ORDER}) or let out of it ({@code LIFT}). */
	public record ClosedLoop(long enterpriseId, ClosedLoopAction action) {
	}

	/** What a notice does to an enterprise's closed loop. */
	public enum ClosedLoopAction {
		ORDER, LIFT
	}
}
