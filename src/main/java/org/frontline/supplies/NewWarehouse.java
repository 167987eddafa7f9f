package org.frontline.supplies;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A warehouse to open: its name and the area (district or subdistrict) it serves. */
public record NewWarehouse(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 15) String area) {
}
