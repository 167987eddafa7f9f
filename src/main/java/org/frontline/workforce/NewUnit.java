package org.frontline.workforce;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A unit to register; its area is the registering user's when absent. */
public record NewUnit(@NotBlank @Size(max = 100) String name, @Size(max = 15) String area) {
}
