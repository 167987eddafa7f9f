package org.frontline.quarantine;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.frontline.shared.MobileNumber;

/** People on their way to a facility: where from, when, and who with which category. */
public record NewArrivals(@NotBlank @Size(max = 100) String source, @NotNull Instant expectedAt,
		@NotEmpty @Size(max = 500) List<@NotNull @Valid Person> people) {

	/** One person expected. */
	public record Person(@NotBlank @Size(max = 50) String name,
			@Pattern(regexp = MobileNumber.OPTIONAL, message = "{problem.mobile-number}") String phone, Long personId,
			String category) {
	}
}
