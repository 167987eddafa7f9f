package org.frontline.zones;

import jakarta.validation.constraints.NotNull;

/**
 * Lifting or downgrading a zone: to a milder level or out of zones ({@code NONE}), by the notice {@code notice} (a
 * published one; absent: a notice saying so is published with it).
 */
public record Lift(@NotNull LiftTarget to, Long notice) {
}
