package org.frontline.quarantine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A category the command centre defines, with its first rule. */
public record NewCategory(
		@NotNull @Pattern(regexp = "\\s*[A-Za-z0-9_-]{1,40}\\s*", message = "{quarantine.category.code}") String code,
		@NotBlank @Size(max = 100) String name, @NotNull @Valid NewRule rule) {
}
