package org.frontline.quarantine;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.frontline.shared.MobileNumber;

/** A facility to open, with its rooms and, optionally, its team; {@code area} defaults to the creator's scope. */
public record NewFacility(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String address,
		@Size(max = 100) String contact, String area, @NotEmpty @Size(max = 2000) List<@NotNull @Valid NewRoom> rooms,
		@Size(max = 500) List<@NotNull @Valid NewStaff> team) {

	/** A room to add. */
	public record NewRoom(@NotBlank @Size(max = 20) String number, @NotNull @Min(-5) @Max(200) Integer floor,
			@Size(max = 30) String type) {
	}

	/** A team member to add. */
	public record NewStaff(@NotBlank @Size(max = 50) String name,
			@Pattern(regexp = MobileNumber.OPTIONAL, message = "{problem.mobile-number}") String phone,
			@NotNull TeamRole role) {
	}
}
