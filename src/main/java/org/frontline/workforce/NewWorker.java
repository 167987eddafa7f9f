package org.frontline.workforce;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.frontline.people.IdType;
import org.frontline.shared.MobileNumber;

/**
 * A worker to register (from the API, the page or a row of a unit's file). A resident ID number is checked by its
 * GB 11643 check digit; {@code idType} is a resident ID when absent. A cadre names the unit that sent them;
 * {@code area} defaults to the unit's area, or the registering user's. {@code account} is the user name the worker
 * signs in with to see their own shifts.
 */
public record NewWorker(@NotBlank @Size(max = 50) String name, IdType idType, @NotBlank @Size(max = 30) String idNumber,
		@Pattern(regexp = MobileNumber.PATTERN, message = "{problem.mobile-number}") String phone,
		@NotNull WorkerKind kind, Long unit, @Size(max = 8) List<@NotNull Skill> skills, Boolean canSample,
		@Size(max = 50) String licence, WorkerStatus status, @Size(max = 15) String area,
		@Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]{2,64}", message = "{workforce.account.invalid}") String account,
		@Size(max = 200) String availability) {
}
