package org.frontline.supplies;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** How much of an item one unit of {@code basis} uses (2 pairs of gloves per sampler shift). */
public record Norm(@NotNull NormBasis basis, @NotBlank String item,
		@NotNull @DecimalMin("0.01") @DecimalMax("1000") BigDecimal quantity) {
}
