package org.frontline.area;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An area to add under an existing parent (or a top-level area without one). */
public record NewArea(@NotBlank @Size(max = 15) String code, @NotBlank @Size(max = 100) String name,
		@Size(max = 100) String nameEn, String parent) {
}
