package org.frontline.zones;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A notice to publish. {@code authority} defaults to the district's command (setting), {@code number} to the next of
 * that authority, {@code publishedAt} to now, {@code effectiveFrom} to {@code publishedAt}. {@code replaces} names
 * the notice it corrects or extends. {@code zones} are the areas it puts at a level, {@code closedLoop} the enterprises
 * it orders into closed loop and {@code closedLoopLifted} those it lets out.
 */
public record NewNotice(@Size(max = 100) String authority, @Min(1) @Max(99_999) Integer number,
		@NotBlank @Size(max = 200) String title, Instant publishedAt, Instant effectiveFrom, Instant effectiveUntil,
		@NotBlank @Size(max = 20_000) String text, Long replaces, @Valid @Size(max = 500) List<@NotNull NewZone> zones,
		@Size(max = 500) List<@NotNull Long> closedLoop, @Size(max = 500) List<@NotNull Long> closedLoopLifted) {
}
