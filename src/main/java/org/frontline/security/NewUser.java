package org.frontline.security;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.frontline.shared.Role;

/** A user to create: roles and the area code they are scoped to. */
public record NewUser(
		@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{2,64}", message = "2 to 64 letters, digits, '.', '_' or '-'") String username,
		@NotBlank @Size(max = 128) String password, @NotEmpty Set<Role> roles, @NotBlank String scope) {
}
