package org.frontline.shared;

import java.time.Instant;
import java.util.List;

/**
 * Something that needs a person, noticed by the module that publishes it (a missed report, a staffing gap, low stock,
 * an anomaly). The command centre keeps one alert per {@code source} and {@code key}: raising it again updates it,
 * {@link AlertCleared} or a person closes it. {@code area} is the area code whose staff own it; {@code titleKey} and
 * {@code args} make its text in the reader's language; {@code href} is the page where it is dealt with.
 */
public record AlertRaised(String source, String key, AlertSeverity severity, String area, String titleKey,
		List<String> args, String href, Instant deadline, Instant at) {

	public AlertRaised {
		args = args == null ? List.of() : List.copyOf(args);
	}
}
