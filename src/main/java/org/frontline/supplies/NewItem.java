package org.frontline.supplies;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An item an administrator adds to the catalogue. */
public record NewItem(
		@NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,31}", message = "{supplies.item.code.pattern}") String code,
		@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String nameEn, @NotNull ItemUnit unit,
		@NotNull @Min(1) @Max(100000) Integer packSize, @NotNull ItemCategory category, @NotNull Boolean lotTracked) {
}
