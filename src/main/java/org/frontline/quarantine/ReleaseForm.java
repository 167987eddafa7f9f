package org.frontline.quarantine;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Where a released person goes: a destination, its address and (for home) the community taking over. */
public record ReleaseForm(@NotNull Destination destination, @Size(max = 200) String address, String community) {
}
