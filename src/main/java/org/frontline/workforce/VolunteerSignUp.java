package org.frontline.workforce;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.frontline.shared.MobileNumber;

/** What a volunteer gives on the public sign-up page: who they are, their community, skills and when they can help. */
public record VolunteerSignUp(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 30) String idNumber,
		@NotBlank @Pattern(regexp = MobileNumber.PATTERN, message = "{problem.mobile-number}") String phone,
		@NotBlank @Size(max = 15) String community, @Size(max = 8) List<@NotNull Skill> skills,
		@Size(max = 200) String availability) {
}
