package org.frontline.workforce.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the workforce module: the shifts generated for a sampling site in a round ({@code shifts}: the day's
 * windows as {@code HH:mm-HH:mm}, one sampler and one registrar per station and window, one leader and
 * {@code orderKeepers} order keepers per site and window), how early a worker may check in, and when an assigned
 * worker who has not checked in counts as a no-show.
 */
@ConfigurationProperties("frontline.workforce")
public record WorkforceSettings(@DefaultValue({ "07:00-11:00", "11:00-15:00", "15:00-19:00" }) List<String> shifts,
		@DefaultValue("2") int orderKeepers, @DefaultValue("PT1H") Duration checkInEarly,
		@DefaultValue("PT15M") Duration noShowAfter) {

	/** The windows of a day's generated shifts, as start and end times (an end before its start is the next day). */
	public List<LocalTime[]> windows() {
		List<LocalTime[]> windows = new ArrayList<>();
		for (String window : shifts) {
			String[] parts = window.strip().split("-");
			windows.add(new LocalTime[] { LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()) });
		}
		return windows;
	}
}
