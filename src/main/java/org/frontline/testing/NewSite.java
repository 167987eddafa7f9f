package org.frontline.testing;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A site to set up; a mobile site lists its stops in the order it visits them. */
public record NewSite(@NotBlank @Size(max = 100) String name, @NotNull SiteKind kind, String area, String location,
		@Min(value = 1, message = "{testing.site.stations}")
		@Max(value = 200, message = "{testing.site.stations}") Integer stations,
		String leader, List<@NotNull @Valid NewStop> stops) {

	/** A stop of a mobile site. */
	public record NewStop(@NotBlank String name, String area, Instant plannedAt) {
	}
}
