package org.frontline.zones;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An area (a subdistrict, community or compound) or some buildings of a compound (by building number) put at a
 * level, by the notice {@code notice} (a published one; absent: a notice saying so is published with it). An area
 * already at a level is re-classified.
 */
public record NewZone(@NotBlank @Size(max = 15) String area, @Size(max = 100) List<@NotBlank @Size(max = 20) String> buildings,
		@NotNull ZoneLevel level, Long notice) {
}
