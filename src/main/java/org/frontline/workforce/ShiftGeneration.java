package org.frontline.workforce;

import jakarta.validation.constraints.NotNull;

/** The shifts of a sampling site in a round, generated from its stations. */
public record ShiftGeneration(@NotNull Long siteId, @NotNull Long roundId) {
}
