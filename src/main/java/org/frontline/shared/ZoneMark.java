package org.frontline.shared;

import java.time.Instant;

/**
 * A zone as other modules show it: its level's constant ({@code LOCKDOWN}, {@code CONTROL}, {@code PREVENTION}), its
 * display name in the reader's language, since when, whether it covers only some buildings, and the public page that
 * says what it means. {@code badge} is the CSS class of its status badge.
 */
public record ZoneMark(String level, Message name, Instant since, boolean partial, String href) {

	public String badge() {
		return "badge status-ZoneLevel-" + level;
	}
}
