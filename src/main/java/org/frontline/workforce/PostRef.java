package org.frontline.workforce;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A place people work at, as a request names it: a sampling site, facility or enterprise by its id in its module, a
 * community or command centre by its area code.
 */
public record PostRef(@NotNull PostKind kind, @NotBlank @Size(max = 20) String id) {
}
